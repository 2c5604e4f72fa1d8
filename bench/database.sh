#!/usr/bin/env bash
# Runs bench/Enoe.Bench.Database: the same workload on SQLite and on a throw-away PostgreSQL server
# (Debian's package; initdb in a temporary folder, a free port on 127.0.0.1, stopped and deleted at the end,
# whatever happens).
# Usage: bench/database.sh [rounds=30]
set -euo pipefail
cd "$(dirname "$0")/.."
bins=(/usr/lib/postgresql/*/bin/pg_ctl)
if [ ! -x "${bins[0]}" ]; then
    echo "PostgreSQL is not installed: apt-get install postgresql postgresql-contrib" >&2
    exit 1
fi
bin=$(printf '%s\n' "${bins[@]%/pg_ctl}" | sort -V | tail -1)
as_pg=()
folder=$(mktemp -d /tmp/enoe-bench-pg-XXXXXX)
# Set before anything starts: a failed initdb or start leaves neither the folder nor a running server.
cleanup() {
    if [ -f "$folder/data/postmaster.pid" ]; then
        "${as_pg[@]}" "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$folder"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if [ "$(id -u)" -eq 0 ]; then chown postgres "$folder"; as_pg=(runuser -u postgres --); fi
"${as_pg[@]}" "$bin/initdb" -D "$folder/data" -U enoe --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
# A port nothing listens on (below Linux's ephemeral range); another one if it is taken before the server binds it.
# Default durability (fsync on), as an académie would run it.
started=
for _ in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 12000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    if "${as_pg[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/log" -w \
        -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null 2>&1; then
        started=1
        break
    fi
done
if [ -z "$started" ]; then
    echo "PostgreSQL did not start; its log:" >&2
    cat "$folder/log" >&2 || true
    exit 1
fi
"$bin/createdb" -h 127.0.0.1 -p "$port" -U enoe enoe_bench
dotnet run --project bench/Enoe.Bench.Database -c Release -- \
    "Host=127.0.0.1;Port=$port;Username=enoe;Database=enoe_bench;Maximum Pool Size=250" "${1:-30}"
