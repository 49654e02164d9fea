#!/usr/bin/env bash
# Installs npm dependencies when package-lock.json is newer than the last install.
set -euo pipefail
cd "$(dirname "$0")/.."
marker=node_modules/.dexra-installed
if [ ! -f "$marker" ] || [ package-lock.json -nt "$marker" ] || [ package.json -nt "$marker" ]; then
  echo "Installing dependencies…"
  # `npm ci` fails here (the lockfile lacks other platforms' optional binaries); install follows the lockfile.
  # --no-save: npm would otherwise write those platforms' entries into package-lock.json, leaving the clone dirty.
  npm install --no-audit --no-fund --no-save --loglevel=error
  touch "$marker"
fi
