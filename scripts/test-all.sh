#!/usr/bin/env bash
# `npm test`: lint, type check, unit, integration (SQLite and PostgreSQL), end-to-end (Chromium), and two app
# processes on one PostgreSQL behind nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==== %s\n' "$1"; }
step "lint";              npx eslint .
step "type check";        npx tsc --noEmit -p .
step "unit tests";        npx vitest run --project unit
step "integration tests"; bash scripts/test-integration.sh
step "end-to-end tests";  npx playwright test
step "multi-process test (PostgreSQL, nginx)"; npx tsx scripts/multi-process-test.ts
printf '\nAll test stages passed.\n'
