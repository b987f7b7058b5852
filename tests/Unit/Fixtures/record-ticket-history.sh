#!/usr/bin/env bash
# Re-records ticket-history-v1.json (or the file given) from the current TicketOrchestrator on a real Azurite.
# Only when a breaking orchestration change ships behind a version step: see README.md next to this script.
set -euo pipefail
cd "$(dirname "$0")/../../.."
dotnet run --project tests/HistoryRecorder -c Release -- "${1:-tests/Unit/Fixtures/ticket-history-v1.json}"
