#!/usr/bin/env bash
# Installs what the project needs on a fresh machine that has the .NET SDK, node/npm and apt:
# the pinned npm packages (Azurite), Debian's Chromium (browser tests) and the NuGet packages. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (Azurite)…"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Browser tests drive Debian's Chromium through Playwright (no Playwright browser download).
# run.sh passes --no-browser: the app itself does not need it.
if [ "${1:-}" != "--no-browser" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests…"
  if [ "$(id -u)" -ne 0 ]; then echo "Chromium is missing and installing it needs root: apt-get install chromium" >&2; exit 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

echo "Restoring NuGet packages…"
dotnet restore ServerlessService.sln --verbosity quiet
