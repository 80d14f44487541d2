#!/usr/bin/env bash
# Integration tests against the real embedded database, then against a real PostgreSQL
# (a database created for this run and dropped afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."
PG_BASE="${TEST_POSTGRES_URL:-postgresql://patchboard:patchboard@127.0.0.1:5432}"

echo "== integration tests: SQLite"
DATABASE_URL="file:./data/test.db" npx vitest run --project integration "$@"

echo "== integration tests: PostgreSQL"
DB="patchboard_test_$$"
if ! node scripts/pg-admin.mjs create "$PG_BASE" "$DB"; then
  if [ "${CI:-}" = "true" ] || [ "${REQUIRE_POSTGRES:-}" = "1" ]; then
    echo "PostgreSQL at $PG_BASE is required here (CI) but not reachable." >&2
    exit 1
  fi
  printf '\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n'
  printf '!!! SKIPPED: PostgreSQL integration tests: no server at %s\n' "$PG_BASE"
  printf '!!! Start one (see .ci/run) or set TEST_POSTGRES_URL to run them.\n'
  printf '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\n'
  exit 0
fi
trap 'node scripts/pg-admin.mjs drop "$PG_BASE" "$DB" || true' EXIT
DATABASE_URL="$PG_BASE/$DB" npx vitest run --project integration "$@"
