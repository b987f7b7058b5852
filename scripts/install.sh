#!/usr/bin/env bash
# Installs what the project needs on a fresh machine that has the .NET SDK, node/npm and apt:
# the pinned npm packages (Azurite, axe-core for the accessibility test; the portal's own), Debian's Chromium (browser tests) and the NuGet packages. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (Azurite, axe-core)…"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ ! -d static-web/node_modules ] || [ static-web/package-lock.json -nt static-web/node_modules/.package-lock.json ]; then
  echo "Installing npm packages (portal)…"
  npm ci --prefix static-web --no-audit --no-fund --loglevel=error
fi

# Browser tests drive Debian's Chromium through Playwright (no Playwright browser download).
# run.sh passes --no-browser: the app itself does not need it.
# A Chinese font (WenQuanYi Micro Hei) so screenshots show Chinese text, not empty boxes.
if [ "${1:-}" != "--no-browser" ] && { ! command -v chromium >/dev/null 2>&1 || [ ! -d /usr/share/fonts/truetype/wqy ]; }; then
  echo "Installing Chromium and a Chinese font for the browser tests…"
  if [ "$(id -u)" -ne 0 ]; then echo "Installing them needs root: apt-get install chromium fonts-wqy-microhei" >&2; exit 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi

echo "Restoring NuGet packages…"
dotnet restore ServerlessService.sln --verbosity quiet
