#!/usr/bin/env bash
# `npm run setup`: installs what the tests need and a fresh clone lacks.
# - the project's npm dependencies, when node_modules is missing or older than the lock file;
# - Debian packages: chromium (browser tests), redis-server, wrk (benchmarks), and the
#   PostgreSQL 15 server the DATABASE_URL smoke tests run against;
# - Node 24, production's Node, into .data/node24/ from the npm registry (scripts/installNode.sh),
#   so that `npm test` runs the suite on it too.
# Packages already present are left alone; apt runs only when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "Installing npm dependencies..."
  npm ci --no-audit --no-fund
fi

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)

if (( ${#need[@]} > 0 )); then
  echo "Installing Debian packages: ${need[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
bash scripts/installNode.sh >/dev/null
echo "Setup complete."
