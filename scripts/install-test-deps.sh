#!/usr/bin/env bash
# Installs what the end-to-end tests need beyond npm packages: Debian's Chromium (Playwright's own
# browser download is not available here) and a font with Cyrillic letters.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "Chromium is installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null
echo "Installed $(/usr/bin/chromium --version)"
