#!/usr/bin/env bash
# `npm test`: lint, type check, unit, integration (SQLite and PostgreSQL), end-to-end (Chromium), two app
# processes on one PostgreSQL behind nginx, and short versions of the soak and the crash test (npm run soak,
# npm run crash-test: their defaults are the full runs whose figures are in the README).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==== %s\n' "$1"; }
step "lint";              npx eslint .
step "type check";        npx tsc --noEmit -p .
step "unit tests";        npx vitest run --project unit
step "integration tests"; bash scripts/test-integration.sh
step "end-to-end tests";  npx playwright test
step "multi-process test (PostgreSQL, nginx)"; npx tsx scripts/multi-process-test.ts
step "soak, short (SQLite, PostgreSQL)"; SOAK_SECONDS=10 SOAK_UPLOADERS=4 SOAK_READERS=8 SOAK_ROWS=100 npx tsx scripts/soak.ts
# SIGKILL in the middle of a 100,000-row import on each database, then PostgreSQL stopped for 10 s (a private server).
step "crash test, short (SQLite, PostgreSQL, outage)"; CRASH_ROWS=100000 npx tsx scripts/crash-test.ts
printf '\nAll test stages passed.\n'
