#!/usr/bin/env bash
# Refreshes the portal's copy of the OpenAPI document and the TypeScript types generated from it
# (static-web/src/api/openapi.json, schema.d.ts): starts the app on an empty store, saves the live document, stops.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="$(node scripts/free-port.js)"
DATA_DIR="$(mktemp -d)"
PORT="$PORT" DATA_DIR="$DATA_DIR" ./run.sh --no-demo --no-portal > "$DATA_DIR/run.log" 2>&1 &
RUN=$!
trap 'kill -TERM $RUN 2>/dev/null || true; wait $RUN 2>/dev/null || true; rm -rf "$DATA_DIR"' EXIT
node scripts/wait-http.js "http://127.0.0.1:$PORT/api/health" 120
curl -fsS "http://127.0.0.1:$PORT/api/openapi.json" -o static-web/src/api/openapi.json
# Drop "servers": it names the address of this temporary app, not the API.
node -e 'const f="static-web/src/api/openapi.json", fs=require("fs"), d=JSON.parse(fs.readFileSync(f)); delete d.servers; fs.writeFileSync(f, JSON.stringify(d, null, 2))'
npm run --prefix static-web api --silent
echo "Updated static-web/src/api/openapi.json and schema.d.ts."
