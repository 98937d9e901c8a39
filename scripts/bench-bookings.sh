#!/usr/bin/env bash
# Benchmarks booking appointments through the API under wrk: sustained
# bookings per second and latency with 50 concurrent clients, on SQLite and
# on PostgreSQL, each a fresh demo database. Every request asks for a
# distinct free place (no two clients race for one) for a person of its own
# (an e-mail address each: one booking per person and service), so every
# answer should be a 202 ("sent"); the script counts the answers by status
# from wrk's Lua callbacks and checks the bookings in the database, so a
# refusal never counts as a booking. Prints a Markdown table for docs/benchmarks.md.
#
# The places: in every centre, the demo's basic guidance interview is made
# bookable as 10-minute slots with 20 places each, from now (no notice) up
# to 180 days ahead, by SQL on the fresh database; the free slots are then
# read from the API (`/api/v1/services/{id}/slots`) and handed out to wrk's
# threads, each thread its own slots and each slot's 20 places in turn.
#
# Usage: scripts/bench-bookings.sh [DURATION_SECONDS] [CONNECTIONS]
# Needs: wrk (Debian package wrk), sqlite3, psql, python3, a PostgreSQL
# server (scripts/postgres.sh finds or starts one). Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20}"
connections="${2:-50}"
threads=$((connections < 2 ? connections : 2))
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sportello-target}"

if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
cargo build --release --locked --bin sportello >&2
bin="$CARGO_TARGET_DIR/release/sportello"
admin="$(scripts/postgres.sh)"
pg_db="sportello_bench_bookings_$$"
pg_url="${admin%/*}/$pg_db"
psql -q "$admin" -c "CREATE DATABASE $pg_db" >&2

tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >&2 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

SPORTELLO_LOG=warn "$bin" demo --behind-proxy --db "$tmp/bench.sqlite" --addr 127.0.0.1:18091 >"$tmp/sqlite.log" 2>&1 & pids+=($!)
SPORTELLO_LOG=warn "$bin" demo --behind-proxy --db "$pg_url" --addr 127.0.0.1:18092 >"$tmp/pg.log" 2>&1 & pids+=($!)
for port in 18091 18092; do
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { echo "the server on port $port did not start" >&2; exit 1; }
done

widen="UPDATE services SET duration_minutes = 10, capacity = 20, min_notice_minutes = 0, max_days_ahead = 180, \
by_phone = TRUE WHERE kind = 'basic_guidance'"
sqlite3 -cmd ".timeout 10000" "$tmp/bench.sqlite" "$widen;"
psql -q "$pg_url" -c "$widen" >&2

count_sql="SELECT (SELECT COUNT(*) FROM bookings), (SELECT COUNT(*) FROM seats), (SELECT COUNT(*) FROM outbox)"
counts() { # backend
  if [[ $1 == sqlite ]]; then
    sqlite3 -cmd ".timeout 10000" -separator ' ' "$tmp/bench.sqlite" "$count_sql"
  else
    psql -qAt -F ' ' "$pg_url" -c "$count_sql"
  fi
}

# The free places of every centre's basic guidance interview, as a Lua table.
places() { # port
  python3 - "$1" "$threads" <<'PY'
import datetime, json, sys, urllib.request
port, threads = sys.argv[1], int(sys.argv[2])
base = f"http://127.0.0.1:{port}/api/v1"
def get(path):
    with urllib.request.urlopen(base + path) as answer:
        return json.load(answer)
slots = []
for centre in get("/centres")["items"]:
    services = get(f"/centres/{centre['slug']}/services")["items"]
    service = next(s for s in services if s["kind"] == "basic_guidance")
    day = datetime.date.today() + datetime.timedelta(days=1)
    for _ in range(6):
        for d in get(f"/services/{service['id']}/slots?from={day}&days=31")["days"]:
            slots.extend((service["id"], s["start"], s["places"]) for s in d["slots"])
        day += datetime.timedelta(days=31)
print(f"-- {len(slots)} slots, {sum(p for _, _, p in slots)} places", file=sys.stderr)
print("return {")
for t in range(threads):
    print("{")
    for service, start, places in slots[t::threads]:
        print(f'{{{service},"{start}",{places}}},')
    print("},")
print("}")
PY
}

cat >"$tmp/book.lua" <<'LUA'
-- Each thread books its own slots, every place of one slot before the next.
local all = dofile(os.getenv("PLACES"))
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  slots = all[id + 1]
  slot, used, sent = 1, 0, 0
  answers = {}
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local s = slots[slot]
  if s == nil then
    -- Out of places: the run was too long for the prepared slots.
    s = slots[1]
  end
  sent = sent + 1
  local body = string.format(
    '{"service":%d,"modality":"phone","start":"%s","lang":"it","name":"Persona %d-%d",'
      .. '"email":"persona%d.%d@example.org"}', s[1], s[2], id, sent, id, sent)
  used = used + 1
  if used >= s[3] then
    slot, used = slot + 1, 0
  end
  -- Each request from a client address of its own (the node is told it is
  -- behind a proxy): the limiter counts 60 bookings an hour per network.
  local client = string.format("10.%d.%d.%d", id, math.floor(sent / 250) % 250, sent % 250)
  local headers = { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = client }
  return wrk.format(nil, "/api/v1/bookings", headers, body)
end

function response(status, headers, body)
  answers[status] = (answers[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("answers")
    for status, n in pairs(counts) do
      total[status] = (total[status] or 0) + n
    end
  end
  local line = "ANSWERS"
  for status, n in pairs(total) do
    line = line .. " " .. status .. "=" .. n
  end
  print(line)
end
LUA

run() { # name port backend
  local out before after answers booked other rps p50 p99
  places "$2" >"$tmp/places-$3.lua"
  before=$(counts "$3")
  out=$(PLACES="$tmp/places-$3.lua" wrk -t"$threads" -c"$connections" -d"${duration}s" --latency \
    -s "$tmp/book.lua" "http://127.0.0.1:$2")
  after=$(counts "$3")
  answers=$(awk '/^ANSWERS/ { $1 = ""; print }' <<<"$out")
  booked=$(tr ' ' '\n' <<<"$answers" | awk -F= '$1 == "202" { print $2 }')
  booked=${booked:-0}
  other=$(tr ' ' '\n' <<<"$answers" | awk -F= '$1 != "202" && $1 != "" { n += $2 } END { print n + 0 }')
  read -r b0 s0 m0 <<<"$before"
  read -r b1 s1 m1 <<<"$after"
  # wrk stops with up to one request in flight per connection: the server
  # may finish those bookings after wrk has stopped counting answers.
  local unanswered=$((b1 - b0 - booked))
  if [[ $unanswered -lt 0 || $unanswered -gt $connections || $((s1 - s0)) -ne $((b1 - b0)) \
        || $((m1 - m0)) -ne $((b1 - b0)) ]]; then
    echo "$1: $booked answers 202 but $((b1 - b0)) bookings, $((s1 - s0)) seats, $((m1 - m0)) e-mails" >&2
    exit 1
  fi
  rps=$(awk -v n="$booked" -v d="$duration" 'BEGIN { printf "%d", n / d }')
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '| %s | %s | %s | %s | %s (+%s cut off at the end) | %s |\n' "$1" "$rps" "$p50" "$p99" "$booked" \
    "$unanswered" "$other${answers:+ (${answers# })}"
}

echo "wrk -t$threads -c$connections -d${duration}s --latency, POST /api/v1/bookings; $(nproc) cores; $(date -u +%Y-%m-%d)"
echo
echo "| target | bookings/s | p50 | p99 | 202 answers (+ bookings whose answer wrk did not wait for) | other answers (all statuses) |"
echo "|---|---|---|---|---|---|"
run "Sportello on SQLite" 18091 sqlite
run "Sportello on PostgreSQL" 18092 postgres
