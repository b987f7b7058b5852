#!/usr/bin/env bash
# Builds and runs every test: unit tests, integration tests against a real Azurite that the tests start
# on free ports and stop afterwards, and browser tests in Debian's Chromium. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

./scripts/install.sh
echo "Building…"
npm run --prefix static-web build --silent
dotnet build ServerlessService.sln -c Release --no-restore --verbosity quiet -nologo

LOG="$(mktemp)"
status=0
for project in tests/Unit/ServerlessService.UnitTests.csproj tests/Integration/ServerlessService.IntegrationTests.csproj tests/E2E/ServerlessService.E2ETests.csproj; do
  echo "== $project"
  dotnet test --project "$project" -c Release --no-build 2>&1 | tee -a "$LOG" || status=1
done

# One plain closing line for whoever reads only the end.
passed=$(grep -E '^\s*succeeded:' "$LOG" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s*failed:' "$LOG" | awk '{s+=$2} END {print s+0}')
rm -f "$LOG"
if [ "$passed" -eq 0 ]; then echo "No tests ran." >&2; status=1; fi
echo "$passed passed, $failed failed"
exit $status
