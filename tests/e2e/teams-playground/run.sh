#!/usr/bin/env bash
# End-to-end: Microsoft's local Teams simulator (@microsoft/m365agentsplayground) talks to the bot's /api/messages.
#
#   tests/e2e/teams-playground/run.sh BOT_MESSAGES_URL OUT_DIR
#
# Installs the simulator (and playwright-core for the screenshot mode) into a cache folder on first use, starts it
# offline against the bot, runs drive.cjs (the promotion scenario) and stops it. Exit code: 0 = scenario passed,
# 1 = it failed (transcript.txt and the simulator's logs in OUT_DIR say why).
#   E2E_MODE=api (default: the simulator's HTTP API, no browser) | ui (headless Chromium types into the web UI and
#   saves screenshot.png; needs /usr/bin/chromium or CHROMIUM=...).
set -euo pipefail

BOT_URL=${1:?bot /api/messages URL}
OUT=${2:?output folder}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${PLAYGROUND_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jobsheetqa/teams-playground}
SIMULATOR_VERSION=0.2.28
PLAYWRIGHT_VERSION=1.65.1
WS_VERSION=8.23.1
mkdir -p "$CACHE" "$OUT"
OUT=$(cd "$OUT" && pwd)

say() { echo "[teams-e2e] $*" >&2; }

installed() { [ -f "$CACHE/node_modules/$1/package.json" ] && node -e "process.exit(require(process.argv[1]).version===process.argv[2]?0:1)" "$CACHE/node_modules/$1/package.json" "$2"; }
if ! installed @microsoft/m365agentsplayground "$SIMULATOR_VERSION" || ! installed playwright-core "$PLAYWRIGHT_VERSION"; then
  say "installing @microsoft/m365agentsplayground@$SIMULATOR_VERSION and playwright-core@$PLAYWRIGHT_VERSION into $CACHE"
  [ -f "$CACHE/package.json" ] || echo '{"private":true}' > "$CACHE/package.json"
  (cd "$CACHE" && npm install --no-audit --no-fund --loglevel=error \
    "@microsoft/m365agentsplayground@$SIMULATOR_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" >&2)
fi

# drive.cjs listens to the simulator over a WebSocket: Node 22+ has a client built in, Node 20 behind a flag, and
# older Node (Debian 12's is 18) none, so it then uses the ws package, installed into the cache beside the simulator.
WS_FLAG=()
if ! node -e 'process.exit(typeof WebSocket==="function"?0:1)'; then
  if node --experimental-websocket -e 'process.exit(typeof WebSocket==="function"?0:1)' 2>/dev/null; then
    WS_FLAG=(--experimental-websocket)
  elif ! installed ws "$WS_VERSION"; then
    say "installing ws@$WS_VERSION into $CACHE (this Node has no WebSocket client)"
    (cd "$CACHE" && npm install --no-audit --no-fund --loglevel=error "ws@$WS_VERSION" >&2)
  fi
fi

SIMULATOR_PID=""
stop_simulator() {
  if [ -n "$SIMULATOR_PID" ] && kill -0 "$SIMULATOR_PID" 2>/dev/null; then
    kill "$SIMULATOR_PID" 2>/dev/null || true
    wait "$SIMULATOR_PID" 2>/dev/null || true
  fi
}
trap stop_simulator EXIT

# Port 0 is not accepted; pick a free loopback port.
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
(
  cd "$OUT" # the simulator writes its devTools folder into its working directory
  exec env TEAMSAPPTESTER_BROWSER=none APPLICATION_INSIGHTS_NO_STATSBEAT=1 \
    M365_AGENTS_PLAYGROUND_LOGFILE="$OUT/simulator-server.log" \
    node --require "$HERE/loopback-only.cjs" "$CACHE/node_modules/@microsoft/m365agentsplayground/cli.js" \
      -e "$BOT_URL" -c msteams -p "$PORT" --disable-telemetry
) > "$OUT/simulator.stdout" 2>&1 &
SIMULATOR_PID=$!

LISTENING=""
for _ in $(seq 1 600); do
  LISTENING=$(sed -n 's/^Listening on \([0-9][0-9]*\).*/\1/p' "$OUT/simulator.stdout" | head -n1)
  [ -n "$LISTENING" ] && break
  kill -0 "$SIMULATOR_PID" 2>/dev/null || { say "the simulator exited:"; cat "$OUT/simulator.stdout" >&2; exit 1; }
  sleep 0.1
done
[ -n "$LISTENING" ] || { say "the simulator did not start"; cat "$OUT/simulator.stdout" >&2; exit 1; }
say "simulator on http://127.0.0.1:$LISTENING -> $BOT_URL (mode ${E2E_MODE:-api}); output in $OUT"

SIMULATOR_URL="http://127.0.0.1:$LISTENING" OUT="$OUT" E2E_MODE="${E2E_MODE:-api}" CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" \
  NODE_PATH="$CACHE/node_modules" node "${WS_FLAG[@]}" "$HERE/drive.cjs"
