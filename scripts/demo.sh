#!/usr/bin/env bash
# Command 1: install, migrate, seed demo data and serve Dexra on the embedded database (PGlite under .data/).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
PORT=${PORT:-3000}

bash scripts/install-deps.sh
echo "Building the app…"
npm run -s build >/tmp/dexra-build.log 2>&1 || { tail -40 /tmp/dexra-build.log; exit 1; }
npm run -s db:seed
echo "Dexra is starting at http://localhost:$PORT  (Ctrl+C stops it)"
echo "API docs: http://localhost:$PORT/docs"
# The sample customer site (another origin, with the widget snippet) stops with the app on Ctrl+C.
DEXRA_APP_URL="http://localhost:$PORT" DEMO_SITE_PORT="${DEMO_SITE_PORT:-3001}" node scripts/demo-site.mjs &
exec npx next start -p "$PORT"
