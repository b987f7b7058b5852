#!/usr/bin/env bash
# Runs ServerlessService locally: installs what is missing, builds, starts Azurite (unless
# STORAGE_CONNECTION_STRING is set) and the function app, seeds demo data, prints "Ready:".
# Ctrl-C / SIGTERM stops everything this script started.
#
#   ./run.sh [--no-demo] [--no-portal]   env: PORT (7071), DATA_DIR (./.data), STORAGE_CONNECTION_STRING, ADMIN_PASSWORD
set -euo pipefail
cd "$(dirname "$0")"

DEMO=true
PORTAL=true
for arg in "$@"; do
  case "$arg" in
    --no-demo) DEMO=false ;;
    # Skip building the portal (scripts/update-api-types.sh: the portal is typed against the document it refreshes).
    --no-portal) PORTAL=false ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done
PORT="${PORT:-7071}"
DATA_DIR="${DATA_DIR:-./.data}"
mkdir -p "$DATA_DIR"
DATA_DIR="$(cd "$DATA_DIR" && pwd)"

./scripts/install.sh --no-browser
echo "Building…"
if [ "$PORTAL" = true ]; then npm run --prefix static-web build --silent; fi
dotnet build host/ServerlessService.Host.csproj -c Release --no-restore --verbosity quiet -nologo

PIDS=()
# Stops in reverse start order (the app before its storage) with SIGTERM (background jobs ignore SIGINT), which both shut down cleanly on;
# Azurite saves and closes its services but can linger on open sockets, so after 10 s it is killed.
stop() {
  kill -TERM "$1" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$1" 2>/dev/null || true
}
cleanup() {
  trap - EXIT INT TERM
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do stop "${PIDS[$i]}"; done
  echo "Stopped."
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${STORAGE_CONNECTION_STRING:-}" ]; then
  BLOB=$(node scripts/free-port.js); QUEUE=$(node scripts/free-port.js); TABLE=$(node scripts/free-port.js)
  mkdir -p "$DATA_DIR/azurite"
  node_modules/.bin/azurite --silent --skipApiVersionCheck --location "$DATA_DIR/azurite" \
    --blobPort "$BLOB" --queuePort "$QUEUE" --tablePort "$TABLE" > "$DATA_DIR/azurite.log" 2>&1 &
  PIDS+=($!)
  node scripts/wait-tcp.js "$BLOB" "$QUEUE" "$TABLE"
  KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  export STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:$BLOB/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE/devstoreaccount1;"
  echo "Azurite: blob $BLOB, queue $QUEUE, table $TABLE (data in $DATA_DIR/azurite)"
else
  echo "Using the storage in STORAGE_CONNECTION_STRING (no Azurite started)."
fi

URL="http://127.0.0.1:$PORT"
export DemoOptions__Seed="$DEMO"
# With demo data, SLA warnings for unassigned tickets go to the demo lead engineer 王建国 (his SMS: /api/dev/sms).
if [ "$DEMO" = "true" ] && [ -z "${LifecycleOptions__SupervisorPhones__0:-}" ]; then export LifecycleOptions__SupervisorPhones__0="+8613900139003"; fi
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-$URL}"
dotnet host/bin/Release/net10.0/ServerlessService.Host.dll --urls "$URL" > >(tee "$DATA_DIR/app.log") 2>&1 &
APP=$!
PIDS+=("$APP")
node scripts/wait-http.js "$URL/api/health" 180

ADMIN="admin / ${ADMIN_PASSWORD:-(the password printed when this store was first started)}"
if GENERATED=$(grep -o 'admin / [^ ]*' "$DATA_DIR/app.log" | head -1) && [ -n "$GENERATED" ]; then ADMIN="$GENERATED"; fi
DEMO_LINE=""
if [ "$DEMO" = true ]; then
  DEMO_LINE=" | demo staff: dispatcher, manager, warehouse / demo-pass-2026 | customer +8613800138002, engineer +8613900139001 (SMS code: GET /api/dev/sms?to=… as admin)"
fi
echo "Ready: $URL  (API reference $URL/api/docs) | $ADMIN$DEMO_LINE"
wait "$APP"
