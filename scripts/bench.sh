#!/usr/bin/env bash
# Runs the benchmarks (bench/Bot.Bench) and prints their figures. Starts a private PostgreSQL cluster
# on 127.0.0.1 and a free port for the PostgreSQL runs, and removes it afterwards.
# Usage: scripts/bench.sh [turn|search|eval] [options], e.g. turn --conversations N, search --synthetic 100000,
# eval [file.tsv] --kfold (the pg_trgm baseline runs on the cluster; pg_trgm ships with Debian's postgresql-15).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries missing: apt-get install postgresql" >&2; exit 1; }
dir=$(mktemp -d /tmp/govdoorplate-bench-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
run() { if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; runuser -u postgres -- "$@"; else "$@"; fi; }
run "$bin/initdb" -D "$dir/data" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 --no-sync >/dev/null
run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB" >/dev/null
trap 'run "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; rm -rf "$dir"' EXIT
run "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE bench" >/dev/null

export BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=bench;Maximum Pool Size=100"
dotnet run -c Release --project bench/Bot.Bench -- "${@:-turn}"
