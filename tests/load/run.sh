#!/usr/bin/env bash
# The load benchmark (tests/load/README.md): publishes the bot and the ASP.NET Core echo bot (Release), installs the
# botbuilder-js echo bot's npm packages, then drives all three with 1 and 16 concurrent conversations. Extra arguments
# go to the driver, e.g. --seconds 4 --conversations 16.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out="${LOAD_OUT:-$(mktemp -d)}"
dotnet publish ../../src/JobSheetQA.Bot -c Release -o "$out/bot" -v q -nologo >&2
dotnet publish JobSheetQA.Bot.Load.EchoBot -c Release -o "$out/dotnet-echo" -v q -nologo >&2
dotnet build JobSheetQA.Bot.Load -c Release -o "$out/driver" -v q -nologo >&2
(cd echo-bot && { [ -d node_modules/botbuilder ] || npm ci --no-audit --no-fund --loglevel=error >&2; })
exec dotnet "$out/driver/JobSheetQA.Bot.Load.dll" --bot "$out/bot/JobSheetQA.Bot.dll" --echo echo-bot/index.js \
  --dotnet-echo "$out/dotnet-echo/JobSheetQA.Bot.Load.EchoBot.dll" "$@"
