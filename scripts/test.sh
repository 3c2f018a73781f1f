#!/usr/bin/env bash
# `npm test`: the whole suite, the same everywhere (CI runs exactly `npm run setup && npm test`).
# 1. type-check (strict) and lint;
# 2. vitest: unit, integration (embedded Postgres) and system (real CMS + site) projects, with
#    line coverage of our code, merged with what the CMS and renderer processes ran;
# 3. a smoke subset against Debian's PostgreSQL server through DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

echo "== typecheck"; npx tsc --noEmit -p tsconfig.json
echo "== lint"; npx eslint . --max-warnings 0
echo "== tests"
rm -rf coverage
mkdir -p coverage/processes
PYDOTORG_CHILD_COVERAGE_DIR="$PWD/coverage/processes" npx vitest run --coverage
npx tsx scripts/coverage/mergeCoverage.ts coverage/in-process/coverage-final.json coverage/processes
echo "== smoke on system PostgreSQL"; bash scripts/smokeSystemPostgres.sh
