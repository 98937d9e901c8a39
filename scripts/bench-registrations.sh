#!/usr/bin/env bash
# Benchmarks registering for a group meeting through the API under wrk:
# sustained registrations per second and latency with 50 concurrent clients,
# on SQLite and on PostgreSQL, each a fresh demo database. Every request
# registers a person of its own (an e-mail address each) for the one session
# of the demo's Lecce job day: the worst case, since every registration of a
# session locks that session (its 120 seats go first, then the waiting list
# grows). Every answer should be a 202 ("sent"); the script counts the
# answers by status from wrk's Lua callbacks and checks the database after
# the run (one registration and one e-mail per answer, 120 seats held, the
# rest in line with places 1…n), so a refusal never counts as a
# registration. Prints a Markdown table for docs/benchmarks.md.
#
# Usage: scripts/bench-registrations.sh [DURATION_SECONDS] [CONNECTIONS]
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
pg_db="sportello_bench_registrations_$$"
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

SPORTELLO_LOG=warn "$bin" demo --behind-proxy --db "$tmp/bench.sqlite" --addr 127.0.0.1:18093 >"$tmp/sqlite.log" 2>&1 & pids+=($!)
SPORTELLO_LOG=warn "$bin" demo --behind-proxy --db "$pg_url" --addr 127.0.0.1:18094 >"$tmp/pg.log" 2>&1 & pids+=($!)
for port in 18093 18094; do
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { echo "the server on port $port did not start" >&2; tail -n 20 "$tmp"/*.log >&2; exit 1; }
done

count_sql="SELECT (SELECT COUNT(*) FROM registrations), (SELECT COUNT(*) FROM event_seats), \
(SELECT COUNT(*) FROM waiting_places), (SELECT COUNT(*) FROM outbox WHERE kind LIKE 'registration.%'), \
(SELECT COUNT(DISTINCT ticket) FROM waiting_places)"
counts() { # backend
  if [[ $1 == sqlite ]]; then
    sqlite3 -cmd ".timeout 10000" -separator ' ' "$tmp/bench.sqlite" "$count_sql"
  else
    psql -qAt -F ' ' "$pg_url" -c "$count_sql"
  fi
}

# The Lecce job day: its id and its one session's.
job_day() { # port
  python3 - "$1" <<'PY'
import json, sys, urllib.request
with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/api/v1/events?centre=lecce&lang=en") as answer:
    events = json.load(answer)["events"]
event = next(e for e in events if e["title"].startswith("Job day"))
print(event["id"], event["sessions"][0]["id"])
PY
}

cat >"$tmp/register.lua" <<'LUA'
-- Every request registers a person of its own for the one session.
local counter = 0
local threads = {}
local event, session = os.getenv("EVENT"), os.getenv("SESSION")

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  sent = 0
  answers = {}
end

function request()
  sent = sent + 1
  local body = string.format(
    '{"session":%s,"lang":"it","name":"Persona %d-%d","email":"iscritta%d.%d@example.org"}',
    session, id, sent, id, sent)
  -- Each request from a client address of its own (the node is told it is
  -- behind a proxy): the limiter counts 60 registrations an hour per network.
  local client = string.format("10.%d.%d.%d", id, math.floor(sent / 250) % 250, sent % 250)
  local headers = { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = client }
  return wrk.format("POST", "/api/v1/events/" .. event .. "/registrations", headers, body)
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
  local out before after answers made other rps p50 p99 event session
  read -r event session <<<"$(job_day "$2")"
  before=$(counts "$3")
  out=$(EVENT="$event" SESSION="$session" wrk -t"$threads" -c"$connections" -d"${duration}s" --latency \
    -s "$tmp/register.lua" "http://127.0.0.1:$2")
  sleep 1
  after=$(counts "$3")
  answers=$(awk '/^ANSWERS/ { $1 = ""; print }' <<<"$out")
  made=$(tr ' ' '\n' <<<"$answers" | awk -F= '$1 == "202" { print $2 }')
  made=${made:-0}
  other=$(tr ' ' '\n' <<<"$answers" | awk -F= '$1 != "202" && $1 != "" { n += $2 } END { print n + 0 }')
  read -r r0 _ _ m0 _ <<<"$before"
  read -r r1 s1 w1 m1 t1 <<<"$after"
  local registered=$((r1 - r0)) unanswered=$((r1 - r0 - made))
  # One seat or one ticket each, 120 seats at most, distinct tickets, one mail each.
  if [[ $unanswered -lt 0 || $unanswered -gt $connections || $((s1 + w1)) -ne $r1 || $s1 -gt 120 \
        || $t1 -ne $w1 || $((m1 - m0)) -ne $registered ]]; then
    echo "$1: $made answers 202 but $registered registrations, $s1 seats, $w1 waiting ($t1 tickets), $((m1 - m0)) e-mails" >&2
    exit 1
  fi
  rps=$(awk -v n="$made" -v d="$duration" 'BEGIN { printf "%d", n / d }')
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '| %s | %s | %s | %s | %s (+%s cut off at the end) | %s seats, %s waiting | %s |\n' "$1" "$rps" "$p50" "$p99" \
    "$made" "$unanswered" "$s1" "$w1" "$other${answers:+ (${answers# })}"
}

echo "wrk -t$threads -c$connections -d${duration}s --latency, POST /api/v1/events/{id}/registrations (one session); $(nproc) cores; $(date -u +%Y-%m-%d)"
echo
echo "| target | registrations/s | p50 | p99 | 202 answers | after the run | other answers (all statuses) |"
echo "|---|---|---|---|---|---|---|"
run "Sportello on SQLite" 18093 sqlite
run "Sportello on PostgreSQL" 18094 postgres
