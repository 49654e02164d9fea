#!/usr/bin/env bash
# Command 2: install what is needed, start a throwaway PostgreSQL, run Vitest then Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/install-deps.sh
bash scripts/install-chromium.sh
command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || {
  echo "Installing PostgreSQL from Debian…"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }
# The pooler tests run a real PgBouncer in transaction mode (lib/ops/pgbouncer.test.ts).
command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || {
  echo "Installing PgBouncer from Debian…"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null; }

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
PG_DIR=$(mktemp -d /tmp/dexra-test-pg.XXXXXX)
PG_PORT=$(free_port)
trap 'bash scripts/pg-temp.sh stop "$PG_DIR"' EXIT
bash scripts/pg-temp.sh start "$PG_DIR" "$PG_PORT"
PG="postgres://postgres@127.0.0.1:$PG_PORT"
for name in dexra_unit dexra_e2e; do psql -q "$PG/postgres" -c "create database $name"; done
export AUTH_SECRET=${AUTH_SECRET:-$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')}

# Vitest serves the widget's built assets (lib/widget/assets.ts); a clean clone has none until they are built.
node scripts/vendor-assets.mjs && node scripts/build-widget.mjs

echo "== Vitest (PostgreSQL on port $PG_PORT)"
DATABASE_URL="$PG/dexra_unit" npx vitest run

echo "== Build"
npm run -s build >/tmp/dexra-test-build.log 2>&1 || { tail -60 /tmp/dexra-test-build.log; exit 1; }

echo "== Playwright"
export DATABASE_URL="$PG/dexra_e2e"
# The seed's keys for this database go beside it, never over the embedded demo database's .data/demo-keys.json.
export DEXRA_DEMO_KEYS_FILE="$PG_DIR/demo-keys.json"
npm run -s db:seed >/dev/null
E2E_PORT=$(free_port) npx playwright test
