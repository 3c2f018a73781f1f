#!/usr/bin/env bash
# `npm test`: the whole suite, the same everywhere (CI runs exactly `npm run setup && npm test`).
# 1. type-check (strict) and lint;
# 2. vitest: unit, integration (embedded Postgres) and system (real CMS + site) projects;
# 3. a smoke subset against Debian's PostgreSQL server through DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

echo "== typecheck"; npx tsc --noEmit -p tsconfig.json
echo "== lint"; npx eslint . --max-warnings 0
echo "== tests"; npx vitest run
echo "== smoke on system PostgreSQL"; bash scripts/smokeSystemPostgres.sh
