#!/usr/bin/env bash
# End-to-end: the bot (Development, no app id, sandbox GitHub) behind Microsoft's local Teams simulator,
# @microsoft/m365agentsplayground, talking over real HTTP on 127.0.0.1. Self-contained: installs the simulator
# into a cache folder, builds and starts the bot, starts the simulator (telemetry off, loopback-only network),
# runs wire-test.mjs, and stops both by PID.
#
#   tests/e2e/teams-playground/run.sh
#
# Environment: E2E_CACHE (npm packages; default ~/.cache/jobsheetqa-e2e), BOT_PORT (3988), PLAYGROUND_PORT (56160),
# E2E_OUT (logs; default a temporary folder), SKIP_BUILD=1 to use the existing Debug build.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
CACHE=${E2E_CACHE:-$HOME/.cache/jobsheetqa-e2e}
PLAYGROUND_VERSION=0.2.28
BOT_PORT=${BOT_PORT:-3988}
PLAYGROUND_PORT=${PLAYGROUND_PORT:-56160}
OUT=${E2E_OUT:-$(mktemp -d /tmp/jobsheetqa-teams-e2e-XXXXXX)}
mkdir -p "$CACHE" "$OUT"
log() { echo "[teams-e2e] $*" >&2; }

# 1. the simulator, pinned, into the cache folder (once)
PKG="$CACHE/node_modules/@microsoft/m365agentsplayground"
if ! [ -f "$PKG/package.json" ] || [ "$(node -p "require('$PKG/package.json').version")" != "$PLAYGROUND_VERSION" ]; then
  log "installing @microsoft/m365agentsplayground@$PLAYGROUND_VERSION into $CACHE"
  [ -f "$CACHE/package.json" ] || echo '{"private":true}' > "$CACHE/package.json"
  (cd "$CACHE" && npm install --no-audit --no-fund --loglevel=error "@microsoft/m365agentsplayground@$PLAYGROUND_VERSION" >&2)
fi

# 2. the bot: Development without an app id accepts the simulator's unauthenticated activities
if [ "${SKIP_BUILD:-}" != 1 ]; then
  dotnet build "$ROOT/src/JobSheetQA.Bot" -nologo -v q >&2
fi
BOT_DLL="$ROOT/src/JobSheetQA.Bot/bin/Debug/net10.0/JobSheetQA.Bot.dll"
BOT_PID=""; PG_PID=""
cleanup() {
  for pid in "$PG_PID" "$BOT_PID"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
}
trap cleanup EXIT
(cd "$OUT" && exec env ASPNETCORE_ENVIRONMENT=Development Urls="http://127.0.0.1:$BOT_PORT" \
  Storage__DataDirectory="$OUT/data" MicrosoftAppId= dotnet "$BOT_DLL") > "$OUT/bot.log" 2>&1 &
BOT_PID=$!
for _ in $(seq 1 90); do
  curl -s -o /dev/null -I "http://127.0.0.1:$BOT_PORT/api/messages" && break
  kill -0 "$BOT_PID" 2>/dev/null || { log "the bot exited; see $OUT/bot.log"; tail -20 "$OUT/bot.log" >&2; exit 1; }
  sleep 1
done

# 3. the simulator: telemetry off, no browser, loopback-only network
WS_FLAG=()
node -e 'process.exit(typeof WebSocket==="function"?0:1)' || WS_FLAG=(--experimental-websocket)
(cd "$OUT" && exec env TEAMSAPPTESTER_BROWSER=none APPLICATION_INSIGHTS_NO_STATSBEAT=1 \
  node --require "$HERE/loopback-only.cjs" "$PKG/cli.js" -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams \
  -p "$PLAYGROUND_PORT" --disable-telemetry) > "$OUT/playground.log" 2>&1 &
PG_PID=$!
for _ in $(seq 1 60); do
  curl -s -o /dev/null "http://127.0.0.1:$PLAYGROUND_PORT/_debug/ping" && break
  kill -0 "$PG_PID" 2>/dev/null || { log "the simulator exited; see $OUT/playground.log"; tail -20 "$OUT/playground.log" >&2; exit 1; }
  sleep 1
done

# 4. the conversation
log "bot on :$BOT_PORT, simulator on :$PLAYGROUND_PORT, logs in $OUT"
PLAYGROUND_BASE="http://127.0.0.1:$PLAYGROUND_PORT" node "${WS_FLAG[@]}" "$HERE/wire-test.mjs"
