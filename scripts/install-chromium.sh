#!/usr/bin/env bash
# Playwright drives Debian's chromium (its own browser download cannot be fetched here).
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
echo "Installing chromium from Debian…"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
