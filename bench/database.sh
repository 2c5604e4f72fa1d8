#!/usr/bin/env bash
# Runs bench/Enoe.Bench.Database: the same workload on SQLite and on a throw-away PostgreSQL server
# (Debian's package; initdb in a temporary folder, a free port on 127.0.0.1, stopped at the end).
# Usage: bench/database.sh [rounds=30]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
folder=$(mktemp -d /tmp/enoe-bench-pg-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$folder"; as_pg=(runuser -u postgres --); fi
"${as_pg[@]}" "$bin/initdb" -D "$folder/data" -U enoe --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
# Default durability (fsync on), as an académie would run it.
"${as_pg[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/log" -w \
    -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
trap '"${as_pg[@]}" "$bin/pg_ctl" -D "$folder/data" -m fast stop >/dev/null; rm -rf "$folder"' EXIT
"$bin/createdb" -h 127.0.0.1 -p "$port" -U enoe enoe_bench
dotnet run --project bench/Enoe.Bench.Database -c Release -- \
    "Host=127.0.0.1;Port=$port;Username=enoe;Database=enoe_bench;Maximum Pool Size=250" "${1:-30}"
