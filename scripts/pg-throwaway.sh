#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for tests: a fresh cluster in a temporary directory, on a
# free port of 127.0.0.1 (and a unix socket in the same directory), trust authentication, fsync
# off. Everything is stopped and deleted on exit.
#
#   scripts/pg-throwaway.sh                 prints the URL, serves until Ctrl-C / SIGTERM
#   scripts/pg-throwaway.sh -- CMD ARGS...  runs CMD with WB_TEST_PG_URL set, then cleans up;
#                                           exits with CMD's status
#
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user
# (created by Debian's postgresql package) and its commands run through runuser.
set -euo pipefail

say() { printf 'pg-throwaway: %s\n' "$*" >&2; }

pg_bin=""
for dir in /usr/lib/postgresql/*/bin; do
  [ -x "$dir/initdb" ] && pg_bin="$dir"
done
[ -n "$pg_bin" ] || { say "PostgreSQL server binaries not found: run scripts/setup.sh (package postgresql)"; exit 1; }

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || { say "running as root needs the 'postgres' user (package postgresql)"; exit 1; }
  as_owner=(runuser -u postgres --)
fi

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

work=$(mktemp -d /tmp/wb-pg-XXXXXX)
chmod 755 "$work"
[ ${#as_owner[@]} -gt 0 ] && chown postgres: "$work"
data="$work/data"
started=""

cleanup() {
  local status=$?
  if [ -n "$started" ]; then
    "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${as_owner[@]}" "$pg_bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$work/initdb.log" 2>&1 \
  || { say "initdb failed:"; cat "$work/initdb.log" >&2; exit 1; }

port=""
for attempt in 1 2 3 4 5; do
  port=$(free_port)
  if "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$data" -l "$work/server.log" -w -t 30 \
       -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
       start >/dev/null 2>&1; then
    started=1
    break
  fi
  say "port $port did not work (attempt $attempt), trying another"
  port=""
done
[ -n "$started" ] || { say "the server did not start:"; tail -n 20 "$work/server.log" >&2; exit 1; }

url="postgresql://postgres@127.0.0.1:$port/postgres"

if [ "${1:-}" = "--" ]; then
  shift
  [ $# -gt 0 ] || { say "nothing to run after --"; exit 2; }
  say "PostgreSQL at $url"
  set +e
  WB_TEST_PG_URL="$url" "$@"
  status=$?
  set -e
  exit "$status"
fi

echo "$url"
say "serving until interrupted (Ctrl-C); data in $work"
while true; do sleep 3600 & wait $!; done
