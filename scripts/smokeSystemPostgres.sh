#!/usr/bin/env bash
# Runs the integration smoke tests against Debian's PostgreSQL server (not the embedded one),
# reached through a DATABASE_URL-style TEST_DATABASE_URL, so that path is tested too.
# The server is a throw-away cluster in a temporary directory on a free port.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$pg_bin" ]]; then
  echo "Debian's PostgreSQL server is missing: run 'npm run setup'." >&2
  exit 1
fi
run_as=()
[[ $(id -u) -eq 0 ]] && run_as=(runuser -u postgres --)
work=$(mktemp -d /tmp/pydotorg-syspg-XXXXXX)
chmod 755 "$work"
[[ $(id -u) -eq 0 ]] && chown postgres "$work"
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
cleanup() { "${run_as[@]}" "$pg_bin/pg_ctl" -D "$work/data" stop -m fast >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
echo "smoke-password" > "$work/pw"
[[ $(id -u) -eq 0 ]] && chown postgres "$work/pw"
"${run_as[@]}" "$pg_bin/initdb" -D "$work/data" -U postgres --pwfile="$work/pw" -A scram-sha-256 >/dev/null
"${run_as[@]}" "$pg_bin/pg_ctl" -D "$work/data" -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$work" -l "$work/log" -w start >/dev/null
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $port"
TEST_DATABASE_URL="postgres://postgres:smoke-password@127.0.0.1:$port/postgres" npx vitest run --project integration tests/integration/smoke
