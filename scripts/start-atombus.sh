#!/usr/bin/env bash
# Starts AtomBus (Debian libatombus-perl), an independent AtomPub server, on loopback, for the tests.
#   scripts/start-atombus.sh          start (no-op if already up)
#   scripts/start-atombus.sh stop     stop it
#   scripts/start-atombus.sh reset    stop, wipe its SQLite database, start
# Env: ATOMBUS_PORT (5023) ATOMBUS_USER (bot) ATOMBUS_PASS (secret) ATOMBUS_DIR (/tmp/atombus)
# The packages (libatombus-perl, libplack-perl, curl) come from scripts/system-deps.sh.
# Collections live at /feeds/<name>: POST an entry there. AtomBus has no service document and no
# PUT/DELETE; Basic auth is Plack's Auth::Basic middleware (scripts/atom/atombus.psgi).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PORT="${ATOMBUS_PORT:-5023}"; DIR="${ATOMBUS_DIR:-/tmp/atombus}"
export ATOMBUS_USER="${ATOMBUS_USER:-bot}" ATOMBUS_PASS="${ATOMBUS_PASS:-secret}"
export ATOMBUS_DB="$DIR/atombus.db"
PIDF="$DIR/server.pid"; URL="http://127.0.0.1:$PORT"

stop() { if [ -f "$PIDF" ] && kill -0 "$(cat "$PIDF")" 2>/dev/null; then
           kill "$(cat "$PIDF")"; echo "stopped pid $(cat "$PIDF")"; fi; rm -f "$PIDF"; }
case "${1:-start}" in
  stop)  stop; exit 0 ;;
  reset) stop; rm -f "$ATOMBUS_DB" ;;
  start) ;;
  *) echo "usage: $0 [start|stop|reset]" >&2; exit 2 ;;
esac

up() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/feeds/x" || true)" = 401 ]; }
command -v curl >/dev/null || { echo "start-atombus: curl is missing; run scripts/system-deps.sh (as root)" >&2; exit 2; }
if up; then echo "AtomBus already up at $URL"; exit 0; fi
if ! perl -MAtomBus -MPlack::Middleware::Auth::Basic -e1 2>/dev/null; then
  echo "start-atombus: AtomBus is not installed; run scripts/system-deps.sh (as root) to install libatombus-perl and libplack-perl" >&2
  exit 2
fi
command -v plackup >/dev/null || { echo "start-atombus: plackup is missing; run scripts/system-deps.sh (as root)" >&2; exit 2; }
mkdir -p "$DIR"
nohup plackup -s HTTP::Server::PSGI --host 127.0.0.1 --port "$PORT" \
  "$HERE/atom/atombus.psgi" >"$DIR/server.log" 2>&1 &
echo $! >"$PIDF"
for _ in $(seq 1 50); do up && break; sleep 0.2; done
up || { echo "AtomBus failed to start; see $DIR/server.log" >&2; tail -5 "$DIR/server.log" >&2; exit 1; }
echo "AtomBus up at $URL (pid $(cat "$PIDF")); collection: $URL/feeds/<name>; user $ATOMBUS_USER"
