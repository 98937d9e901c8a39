#!/usr/bin/env bash
# Benchmarks the offer page and the offers API under wrk, on SQLite and on
# PostgreSQL, beside nginx serving the same offer page saved as a static file
# (the ceiling on this machine). Prints a Markdown table for docs/benchmarks.md.
#
# Usage: scripts/bench.sh [DURATION_SECONDS] [CONNECTIONS]
# Needs: wrk and nginx (Debian packages wrk, nginx-light), a PostgreSQL server
# (scripts/postgres.sh finds or starts one). Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20}"
connections="${2:-32}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sportello-target}"

for tool in wrk nginx; do
  if ! command -v "$tool" >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
  fi
done
cargo build --release --locked --bin sportello >&2
bin="$CARGO_TARGET_DIR/release/sportello"
admin="$(scripts/postgres.sh)"
pg_db="sportello_bench_$$"
pg_url="${admin%/*}/$pg_db"
psql -q "$admin" -c "CREATE DATABASE $pg_db" >&2

tmp=$(mktemp -d)
chmod 755 "$tmp"
pids=()
nginx_started=0
cleanup() {
  if [[ $nginx_started -eq 1 && -s "$tmp/nginx.pid" ]]; then kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true; fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >&2 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

SPORTELLO_LOG=warn "$bin" demo --db "$tmp/bench.sqlite" --addr 127.0.0.1:18081 --public-url http://127.0.0.1:18080 >"$tmp/sqlite.log" 2>&1 & pids+=($!)
SPORTELLO_LOG=warn "$bin" demo --db "$pg_url" --addr 127.0.0.1:18082 --public-url http://127.0.0.1:18080 >"$tmp/pg.log" 2>&1 & pids+=($!)
for port in 18081 18082; do
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
done

ref=$(curl -fs "http://127.0.0.1:18081/api/v1/offers?centre=lecce&per_page=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["reference"])')
page="/it/offers/$ref"
api="/api/v1/offers?per_page=20"
mkdir -p "$tmp/www/it/offers"
chmod -R a+rX "$tmp/www"
curl -fs "http://127.0.0.1:18081$page" >"$tmp/www/it/offers/$ref"
chmod a+r "$tmp/www/it/offers/$ref"
curl -fs "http://127.0.0.1:18082$page" | cmp -s - "$tmp/www/it/offers/$ref" || { echo "the PostgreSQL page differs from the SQLite one" >&2; exit 1; }

cat >"$tmp/nginx.conf" <<NGINX
worker_processes 2;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server { listen 127.0.0.1:18083; root $tmp/www; }
}
NGINX
nginx -c "$tmp/nginx.conf" -p "$tmp"
nginx_started=1

run() { # name url [cookie]
  local out
  if [[ -n "${3:-}" ]]; then
    out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Cookie: $3" "$2")
  else
    out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$2")
  fi
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ' || true)
  printf '| %s | %s | %s | %s | %s |\n' "$1" "${rps%.*}" "$p50" "$p99" "${errors:-none}"
}

# The TOTP code of a base32 key now (RFC 6238, as authenticator apps make it).
totp() { # key
  python3 -c 'import base64, hmac, struct, sys, time
mac = hmac.new(base64.b32decode(sys.argv[1]), struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
offset = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))' "$1"
}

# A back-office session of the demo's operator of Lecce (password, then the
# second factor with the demo key the demo prints).
session() { # port
  local jar="$tmp/jar-$1" csrf
  csrf=$(curl -fs -c "$jar" "http://127.0.0.1:$1/it/office/sign-in" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$csrf" \
    --data-urlencode "email=operator@demo.sportello.test" --data-urlencode "password=demo-sportello-centro-lecce" \
    "http://127.0.0.1:$1/it/office/sign-in"
  csrf=$(curl -fs -b "$jar" "http://127.0.0.1:$1/it/office/sign-in/second-factor" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$csrf" \
    --data-urlencode "code=$(totp ONYG64TUMVWGY3ZNMRSW23ZNNRSWGY3F)" \
    "http://127.0.0.1:$1/it/office/sign-in/second-factor"
  awk '$6 == "sportello_session" { print "sportello_session=" $7 }' "$jar"
}
office_ref=$(curl -fs "http://127.0.0.1:18081/api/v1/offers?centre=lecce&section=ordinary&per_page=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["reference"])')
sqlite_session=$(session 18081)
pg_session=$(session 18082)
[[ -n "$sqlite_session" && -n "$pg_session" ]] || { echo "could not sign in to the back office" >&2; exit 1; }

echo "wrk -t2 -c$connections -d${duration}s --latency; offer $ref; $(nproc) cores; $(date -u +%Y-%m-%d)"
echo
echo "| target | req/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
run "nginx, the offer page as a static file" "http://127.0.0.1:18083$page"
run "Sportello on SQLite, offer page" "http://127.0.0.1:18081$page"
run "Sportello on PostgreSQL, offer page" "http://127.0.0.1:18082$page"
run "Sportello on SQLite, one offer from the API" "http://127.0.0.1:18081/api/v1/offers/$ref"
run "Sportello on PostgreSQL, one offer from the API" "http://127.0.0.1:18082/api/v1/offers/$ref"
run "Sportello on SQLite, offers API (20 per page)" "http://127.0.0.1:18081$api"
run "Sportello on PostgreSQL, offers API (20 per page)" "http://127.0.0.1:18082$api"
run "Sportello on SQLite, offers API (20 per page, facets=true)" "http://127.0.0.1:18081$api&facets=true"
run "Sportello on PostgreSQL, offers API (20 per page, facets=true)" "http://127.0.0.1:18082$api&facets=true"
run "Sportello on SQLite, back office: offers list of an operator (signed in)" "http://127.0.0.1:18081/it/office/offers" "$sqlite_session"
run "Sportello on PostgreSQL, back office: offers list of an operator (signed in)" "http://127.0.0.1:18082/it/office/offers" "$pg_session"
run "Sportello on SQLite, back office: one offer with its history (signed in)" "http://127.0.0.1:18081/it/office/offers/$office_ref" "$sqlite_session"
run "Sportello on PostgreSQL, back office: one offer with its history (signed in)" "http://127.0.0.1:18082/it/office/offers/$office_ref" "$pg_session"
