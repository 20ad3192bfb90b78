#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for people and tests (`make postgres`, `make postgres-stop`).
#
#   scripts/postgres.sh start   start the server when none is running (installing Debian's postgresql package
#                               when it is missing, the only network use), create a new empty database in it,
#                               and print that database's URL as the last line
#   scripts/postgres.sh stop    stop the server
#
# The server's files live in $CASEWATCH_PG_DIR (default build/postgres); it listens on 127.0.0.1 only, on
# $CASEWATCH_PG_PORT (default 54329), and trusts local connections: it is for tests, never for real data.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${CASEWATCH_PG_DIR:-$PWD/build/postgres}"
PORT="${CASEWATCH_PG_PORT:-54329}"
DATA="$DIR/data"
LOG="$DIR/server.log"

say() { echo "postgres: $*" >&2; }

bindir() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$found" ]; then
    say "PostgreSQL is not installed; installing Debian's postgresql package"
    if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >&2
    found="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  echo "$found"
}

# The server refuses to run as root: as root, run its programs as the system's postgres user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() { [ -f "$DATA/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

start() {
  BIN="$(bindir)"
  mkdir -p "$DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$DIR"; fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
      || { say "initdb failed; see $DIR/initdb.log"; exit 1; }
  fi
  if ! running; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off -c max_connections=200" start >/dev/null \
      || { say "the server did not start; see $LOG"; exit 1; }
  fi
  local name="casewatch_$(date -u +%Y%m%d%H%M%S)_$$_${RANDOM}"
  as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$name"
  echo "postgresql://postgres@127.0.0.1:$PORT/$name"
}

stop() {
  BIN="$(bindir)"
  if running; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    say "stopped"
  else
    say "no server running in $DATA"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) say "give start or stop"; exit 2 ;;
esac
