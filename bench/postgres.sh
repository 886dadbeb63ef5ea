# Sourced by the PostgreSQL benchmarks: starts a throwaway PostgreSQL cluster (the installed
# /usr/lib/postgresql/*/bin, as the postgres user when run as root) on a free port with durable
# defaults plus the settings docs/operations.md recommends, exports BENCH_DATABASE, and stops it on exit.
# Set BENCH_DATABASE yourself (postgresql://…) to use an existing, empty database instead.
start_postgres() {
  if [ -n "${BENCH_DATABASE:-}" ]; then return; fi
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$bin/pg_ctl" ] || { echo "PostgreSQL is missing: apt-get install -y postgresql" >&2; exit 2; }
  pg_home=$(mktemp -d)
  local as=()
  if [ "$(id -u)" = 0 ]; then chown postgres: "$pg_home"; as=(runuser -u postgres --); fi
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${as[@]}" "$bin/initdb" -D "$pg_home/data" -U census --auth=trust --encoding=UTF8 --locale=C >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$pg_home/data" -l "$pg_home/server.log" -w start \
    -o "-p $pg_port -k $pg_home -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c work_mem=64MB -c max_wal_size=4GB ${BENCH_PG_OPTIONS:-}" >/dev/null
  pg_stop="${as[*]} $bin/pg_ctl -D $pg_home/data -m fast stop"
  psql -q -h 127.0.0.1 -p "$pg_port" -U census -d postgres -c "CREATE DATABASE census" >/dev/null
  BENCH_DATABASE="postgresql://127.0.0.1:$pg_port/census?user=census"
  export BENCH_DATABASE
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $pg_port (shared_buffers=1GB, work_mem=64MB, fsync on)"
}

stop_postgres() {
  if [ -n "${pg_stop:-}" ]; then $pg_stop >/dev/null 2>&1 || true; rm -rf "$pg_home"; fi
}
