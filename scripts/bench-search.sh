#!/usr/bin/env bash
# Benchmarks offer search on COUNT generated offers (default 1,000,000):
# Sportello's engine in-process and through the HTTP API with 16 clients,
# side by side in the same run with PostgreSQL full-text search and SQLite
# FTS5 answering the same queries on the same data (scripts/bench_search.py
# says how each competitor indexes and queries). Prints Markdown tables for
# docs/benchmarks.md and keeps every raw line in DIR/results.txt.
#
# Usage: scripts/bench-search.sh [COUNT] [all|prepare|measure]
#   prepare  makes the data: `sportello gen offers` with the same seed into
#            a PostgreSQL database and an SQLite file, and the query mix
#            (`sportello gen queries`, 1,000 queries); kept in DIR, so that
#            `measure` can be run again;
#   measure  `sportello reindex` from PostgreSQL (time, size, peak memory),
#            `sportello search-bench` (one client, in-process),
#            `sportello serve` under wrk (16 connections, 2 threads, 60 s:
#            the whole mix, then only the text + 2 facets class), the
#            server's memory, then each competitor: index build, then every
#            fifth query (200) with a 30 s statement timeout.
# DIR is $SPORTELLO_BENCH_DIR or ~/.cache/sportello-bench, plus search-COUNT.
# Needs: wrk (Debian), psycopg (Python; both installed if missing), a
# PostgreSQL server (scripts/postgres.sh finds or starts one). Traffic stays
# on 127.0.0.1. Run it on a quiet machine: every figure is wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000000}"
phase="${2:-all}"
port=18111
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sportello-target}"
dir="${SPORTELLO_BENCH_DIR:-$HOME/.cache/sportello-bench}/search-$count"
admin="$(scripts/postgres.sh)"
pg_db="sportello_bench_search_$count"
pg_url="${admin%/*}/$pg_db"
sqlite="$dir/offers.sqlite"
queries="$dir/queries.jsonl"
results="$dir/results.txt"

if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if ! python3 -c 'import psycopg' 2>/dev/null; then
  python3 -m pip install --quiet 'psycopg[binary]'
fi
# SPORTELLO_BIN runs an already built binary instead of building one.
bin="${SPORTELLO_BIN:-}"
if [[ -z $bin ]]; then
  cargo build --release --locked --bin sportello >&2
  bin="$CARGO_TARGET_DIR/release/sportello"
fi
export SPORTELLO_LOG=warn,sqlx=error

prepare() {
  rm -rf "$dir"
  mkdir -p "$dir"
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $pg_db" -c "CREATE DATABASE $pg_db" >&2
  # The same seed on both: the same offers.
  "$bin" gen offers --count "$count" --seed 7 --db "$pg_url" >"$dir/gen-postgres.txt" &
  local pg_pid=$!
  "$bin" gen offers --count "$count" --seed 7 --db "$sqlite" >"$dir/gen-sqlite.txt"
  wait "$pg_pid"
  cat "$dir/gen-postgres.txt" "$dir/gen-sqlite.txt"
  "$bin" gen queries --count 1000 --seed 1 --out "$queries"
  touch "$dir/prepared"
}

measure() {
  [[ -f $dir/prepared ]] || { echo "no data in $dir: run with 'prepare' first" >&2; exit 1; }
  tmp=$(mktemp -d)
  pids=()
  cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$tmp"
  }
  trap cleanup EXIT
  : >"$results"
  note() { echo "$*" | tee -a "$results"; }
  note "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r); load before: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"

  # 1. Full reindex from PostgreSQL.
  local index="$dir/index"
  rm -rf "$index"
  /usr/bin/time -f 'time seconds=%e cpu_seconds=%U+%S peak_kib=%M' -o "$tmp/reindex-time" \
    "$bin" reindex --db "$pg_url" --index-dir "$index" | tee -a "$results"
  note "reindex $(cat "$tmp/reindex-time") size_mib=$(du -sm "$index" | cut -f1)"

  # 2. In-process, one client.
  "$bin" search-bench --db "$pg_url" --index-dir "$index" --queries "$queries" | tee -a "$results"

  # 3. Through HTTP, 16 clients.
  "$bin" serve --db "$pg_url" --index-dir "$index" --addr "127.0.0.1:$port" \
    --public-url "http://127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
  local serve=$!
  pids+=("$serve")
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
  python3 -c 'import json,sys; [print(json.loads(l)["path"]) for l in open(sys.argv[1])]' "$queries" >"$tmp/paths-all"
  python3 -c 'import json,sys; [print(json.loads(l)["path"]) for l in open(sys.argv[1]) if json.loads(l)["filters"] == 2]' \
    "$queries" >"$tmp/paths-2"
  # Every path must answer 200 before timing.
  local bad=0
  while read -r path; do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path") == 200 ]] || { echo "not 200: $path" >&2; bad=1; }
  done <"$tmp/paths-all"
  ((bad == 0)) || exit 1
  for class in all 2; do
    local name=all
    [[ $class == 2 ]] && name=text+2_facets
    BENCH_CLASS=$name wrk -t2 -c16 -d60s --timeout 30s -s scripts/bench-search.lua "http://127.0.0.1:$port" -- "$tmp/paths-$class" \
      | grep '^result' | tee -a "$results"
  done
  note "serve rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$serve/status") peak_kib=$(awk '/VmHWM/ {print $2}' "/proc/$serve/status")"
  kill "$serve"
  wait "$serve" 2>/dev/null || true

  # 4. The competitors, on the same data and the same queries.
  python3 scripts/bench_search.py pg-setup "$pg_url" | tee -a "$results"
  python3 scripts/bench_search.py pg-run "$pg_url" "$queries" 2>"$dir/postgres-progress.txt" | tee -a "$results"
  python3 scripts/bench_search.py fts5-setup "$sqlite" | tee -a "$results"
  python3 scripts/bench_search.py fts5-run "$sqlite" "$queries" 2>"$dir/sqlite-progress.txt" | tee -a "$results"
  note "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  python3 scripts/bench_search.py table "$results"
}

case "$phase" in
  prepare) prepare ;;
  measure) measure ;;
  all) prepare && measure ;;
  *) echo "usage: $0 [COUNT] [all|prepare|measure]" >&2; exit 2 ;;
esac
