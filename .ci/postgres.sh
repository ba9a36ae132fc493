# Starts a throwaway PostgreSQL cluster for the tests and the benchmark; sourced by .ci/run and bench/run.sh.
#   source .ci/postgres.sh && postgres_start        # sets POSTGRES_CONNECTION, stops the cluster on exit
# Debian's postgresql-15 is installed when missing. The cluster lives in a temporary folder owned by the postgres
# user (initdb refuses to run as root), listens on 127.0.0.1 only, and trades durability for speed (fsync off).

postgres_bin=/usr/lib/postgresql/15/bin

postgres_start() {
  if [ ! -x "$postgres_bin/initdb" ]; then
    apt-get update
    # pg_trgm and unaccent come with it.
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-15
  fi
  local as=()
  if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
  postgres_dir=$(mktemp -d /tmp/librarian-postgres.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$postgres_dir"
  postgres_port=${POSTGRES_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
  "${as[@]}" "$postgres_bin/initdb" -D "$postgres_dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  "${as[@]}" "$postgres_bin/pg_ctl" -D "$postgres_dir/data" -l "$postgres_dir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $postgres_port -k $postgres_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null
  postgres_as=("${as[@]}")
  trap postgres_stop EXIT
  export POSTGRES_CONNECTION="Host=127.0.0.1;Port=$postgres_port;Username=postgres"
  echo "PostgreSQL $("$postgres_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$postgres_port"
}

postgres_stop() {
  if [ -n "${postgres_dir:-}" ] && [ -d "$postgres_dir/data" ]; then
    "${postgres_as[@]}" "$postgres_bin/pg_ctl" -D "$postgres_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$postgres_dir"
  fi
}
