#!/usr/bin/env bash
# Starts TeamsBot locally, ready to chat: Azurite (Table Storage, persisted under .data/), the bot with the seed plans
# imported on first start, and the Microsoft 365 Agents Playground as the Teams client. Everything binds to 127.0.0.1.
# When Azurite exits, it is started again (same data, same port, short backoff) and the bot, which keeps running,
# reconnects by itself. Ctrl-C stops all three (Azurite with SIGINT, so its last writes reach the disk).
set -euo pipefail
cd "$(dirname "$0")"

BOT_PORT="${BOT_PORT:-3978}"
AZURITE_PORT="${AZURITE_PORT:-10002}"
PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"
DATA_DIR="${DATA_DIR:-.data}"
CONFIGURATION="${CONFIGURATION:-Release}"

say() { printf '\033[1m[run]\033[0m %s\n' "$*"; }
fail() { printf '[run] %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || fail "The .NET SDK 10 is needed: https://learn.microsoft.com/dotnet/core/install/linux"
command -v node >/dev/null && command -v npm >/dev/null || fail "Node.js 20+ with npm is needed (Debian: apt-get install nodejs npm)."
for port in "$BOT_PORT" "$AZURITE_PORT" "$PLAYGROUND_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "Port $port on 127.0.0.1 is already in use; stop what holds it or set BOT_PORT/AZURITE_PORT/PLAYGROUND_PORT."; fi
done

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing the pinned Node tools (npm ci)…"
  npm ci --no-fund --no-audit --loglevel=error
fi
say "Building the bot ($CONFIGURATION)…"
dotnet build src/TeamsBot/TeamsBot.csproj -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly

cleanup() {
  trap - EXIT INT TERM
  say "Stopping…"
  [ -n "${PLAYGROUND_PID:-}" ] && kill -TERM "$PLAYGROUND_PID" 2>/dev/null || true
  [ -n "${BOT_PID:-}" ] && kill -TERM "$BOT_PID" 2>/dev/null || true
  [ -n "${AZURITE_PID:-}" ] && kill -INT "$AZURITE_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

http_ok() { # port path: true when GET answers 200 (bash only: no curl needed)
  local reply
  exec 4<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&4
  IFS= read -r -t 5 reply <&4 || true
  exec 4<&-
  [[ "$reply" == *" 200 "* ]]
}

wait_for() { # port-or-"port/path" description seconds
  local target="$1" what="$2" seconds="$3"
  for _ in $(seq 1 $((seconds * 4))); do
    if [[ "$target" =~ ^[0-9]+$ ]]; then (exec 3<>"/dev/tcp/127.0.0.1/$target") 2>/dev/null && return 0
    else http_ok "${target%%/*}" "/${target#*/}" 2>/dev/null && return 0; fi
    sleep 0.25
  done
  fail "$what did not come up within ${seconds}s (see $DATA_DIR/*.log)"
}

start_azurite() { # appends to the log, so what came before a restart stays readable
  node node_modules/azurite/dist/src/table/main.js --tableHost 127.0.0.1 --tablePort "$AZURITE_PORT" \
    --location "$DATA_DIR/azurite" --skipApiVersionCheck --disableProductStyleUrl --disableTelemetry >>"$DATA_DIR/azurite.log" 2>&1 &
  AZURITE_PID=$!
  AZURITE_STARTED=$SECONDS
}

mkdir -p "$DATA_DIR/azurite"
: >"$DATA_DIR/azurite.log"
say "Starting Azurite (Table Storage) on 127.0.0.1:$AZURITE_PORT, data in $DATA_DIR/azurite…"
start_azurite
wait_for "$AZURITE_PORT" "Azurite" 30

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Storage__ConnectionString="${Storage__ConnectionString:-DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;}"
BOT_DLL="src/TeamsBot/bin/$CONFIGURATION/net10.0/TeamsBot.dll"

say "Importing the seed plans if the store is empty…"
dotnet "$BOT_DLL" import data/plans --if-empty

say "Starting the bot on http://127.0.0.1:$BOT_PORT…"
dotnet "$BOT_DLL" --urls "http://127.0.0.1:$BOT_PORT" >"$DATA_DIR/bot.log" 2>&1 &
BOT_PID=$!
wait_for "$BOT_PORT/healthz" "The bot" 60

say "Starting the Microsoft 365 Agents Playground on 127.0.0.1:$PLAYGROUND_PORT…"
TEAMSAPPTESTER_BROWSER=none node -r ./tests/playground/loopback-only.cjs node_modules/@microsoft/m365agentsplayground/cli.js \
  -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams -p "$PLAYGROUND_PORT" \
  --service-url "http://127.0.0.1:$PLAYGROUND_PORT/_connector" --disable-telemetry >"$DATA_DIR/playground.log" 2>&1 &
PLAYGROUND_PID=$!
wait_for "$PLAYGROUND_PORT" "The Playground" 60

cat <<TEXT

  TeamsBot is running.
    Chat with it:   http://127.0.0.1:$PLAYGROUND_PORT   (Microsoft 365 Agents Playground, Teams-like)
    Bot endpoint:   http://127.0.0.1:$BOT_PORT/api/messages   health: http://127.0.0.1:$BOT_PORT/healthz
    Logs:           $DATA_DIR/bot.log  $DATA_DIR/azurite.log  $DATA_DIR/playground.log
  Try "hjelp", "status for PLIVO" or "hva er forsinket?". Ctrl-C stops everything.

TEXT
# The supervisor: Azurite is started again whenever it exits (1 s, doubling up to 30 s while it keeps failing within a
# minute); the bot keeps running meanwhile, tells users the storage is unreachable, and recovers without a restart.
# If the bot or the Playground stops, everything stops.
backoff=1
while true; do
  exited=""
  wait -n -p exited "$AZURITE_PID" "$BOT_PID" "$PLAYGROUND_PID" && code=0 || code=$?
  if [ "$exited" != "$AZURITE_PID" ]; then
    say "A component stopped (exit $code); see the logs in $DATA_DIR/."
    break
  fi
  [ $((SECONDS - AZURITE_STARTED)) -ge 60 ] && backoff=1
  say "Azurite exited (code $code); starting it again in ${backoff}s on 127.0.0.1:$AZURITE_PORT with the same data. The bot keeps running."
  sleep "$backoff"
  backoff=$((backoff * 2 > 30 ? 30 : backoff * 2))
  start_azurite
  for _ in $(seq 1 120); do
    (exec 3<>"/dev/tcp/127.0.0.1/$AZURITE_PORT") 2>/dev/null && { say "Azurite is back (pid $AZURITE_PID); the bot reconnects by itself."; break; }
    kill -0 "$AZURITE_PID" 2>/dev/null || break
    sleep 0.25
  done
done
