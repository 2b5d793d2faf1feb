# Start a private PostgreSQL server in a temporary folder; sourced by scripts/test.sh.
# Sets CASELENS_TEST_POSTGRES_URL and stops the server when the shell exits.

pg_temp_start() {
    local bindir=""
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/pg_ctl" ] && bindir=$d
    done
    if [ -z "$bindir" ] && command -v pg_ctl >/dev/null 2>&1; then
        bindir=$(dirname "$(command -v pg_ctl)")
    fi
    [ -n "$bindir" ] || return 1

    PG_TEMP_DIR=$(mktemp -d /tmp/caselens-pg.XXXXXX)
    local port
    port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    local run=()
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home "$PG_TEMP_DIR" postgres
        chown postgres "$PG_TEMP_DIR"
        run=(runuser -u postgres --)
    fi
    "${run[@]}" "$bindir/initdb" -D "$PG_TEMP_DIR/data" -U postgres -A trust --no-sync >/dev/null || return 1
    "${run[@]}" "$bindir/pg_ctl" -D "$PG_TEMP_DIR/data" -l "$PG_TEMP_DIR/log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TEMP_DIR -c fsync=off" start >/dev/null || return 1
    PG_TEMP_STOP="${run[*]} $bindir/pg_ctl -D $PG_TEMP_DIR/data -m fast stop"
    trap 'eval "$PG_TEMP_STOP" >/dev/null 2>&1 || true; rm -rf "$PG_TEMP_DIR"' EXIT
    "${run[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres caselens_test || return 1
    export CASELENS_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$port/caselens_test"
    echo "PostgreSQL test server on 127.0.0.1:$port"
}
