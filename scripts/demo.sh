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
# Email: a local mail catcher stands in for the outside world (outbound SMTP + a web view to answer as the customer).
export DEXRA_SMTP_URL=${DEXRA_SMTP_URL:-smtp://127.0.0.1:${CATCHER_SMTP_PORT:-1025}}
export DEXRA_INBOUND_SMTP_PORT=${DEXRA_INBOUND_SMTP_PORT:-2525} DEXRA_INBOUND_SMTP_HOST=${DEXRA_INBOUND_SMTP_HOST:-127.0.0.1}
setsid npx tsx scripts/mail-catcher.ts &
CATCHER_PID=$!
trap 'kill -- -$CATCHER_PID 2>/dev/null || true' EXIT
echo "Mail catcher: http://localhost:${CATCHER_WEB_PORT:-1080}  (mail to support@acme.test arrives on SMTP port $DEXRA_INBOUND_SMTP_PORT)"
echo "Dexra is starting at http://localhost:$PORT  (Ctrl+C stops it)"
echo "API docs: http://localhost:$PORT/docs"
# The sample customer site (another origin, with the widget snippet) stops with the app on Ctrl+C.
DEXRA_APP_URL="http://localhost:$PORT" DEMO_SITE_PORT="${DEMO_SITE_PORT:-3001}" node scripts/demo-site.mjs &
# Not exec: the EXIT trap must still stop the mail catcher when the app stops.
npx next start -p "$PORT"
