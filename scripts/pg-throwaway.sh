# Sourced by test.sh and bench/ledger.sh: a throwaway PostgreSQL cluster owned by the postgres user
# (initdb refuses root), on the first free port of a range, trust authentication, socket in its directory.
#   pg_find                        sets pg_bin to the server binaries, or returns 1
#   pg_start DIR FIRST_PORT [OPTS] initialises and starts a cluster in DIR; sets pg_port
#   pg_stop DIR                    stops it at once (the caller deletes DIR)

pg_bin=""
pg_find() {
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then pg_bin="$dir"; return 0; fi
  done
  return 1
}

pg_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_start() {
  local dir="$1" first="$2" opts="${3:-}" p
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  pg_port=""
  for p in $(seq "$first" $((first + 99))); do
    if pg_port_free "$p"; then pg_port="$p"; break; fi
  done
  [ -n "$pg_port" ] || { echo "no free port for PostgreSQL in $first-$((first + 99))" >&2; return 1; }
  mkdir -p "$dir/sock"
  chown -R postgres: "$dir"
  chmod 700 "$dir"
  runuser -u postgres -- "$pg_bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $pg_port -k $dir/sock -c listen_addresses=127.0.0.1 $opts" start >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
}

pg_stop() {
  if [ -f "$1/data/postmaster.pid" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$1/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
}
