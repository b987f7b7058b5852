#!/usr/bin/env bash
# Installs what the project needs on a fresh machine that has the .NET SDK and node/npm:
# the pinned npm packages (Azurite) and the NuGet packages. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (Azurite)…"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "Restoring NuGet packages…"
dotnet restore ServerlessService.sln --verbosity quiet
