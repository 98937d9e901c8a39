#!/usr/bin/env bash
# Run Sportello's browser tests against a fresh demo server.
#
# Usage: tests/e2e/run.sh PATH_TO_SPORTELLO_BINARY
#
# Starts `sportello demo` on a free loopback port with a throwaway database,
# installs Chromium (Debian package) and the npm dev dependencies if missing,
# runs `npm test` in tests/e2e with SPORTELLO_URL set, stops the server on
# exit and exits with the tests' status. On any failure it prints the tail of
# the server log.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 PATH_TO_SPORTELLO_BINARY" >&2
  exit 2
fi

if [[ "$1" == */* ]]; then
  BIN=$(realpath -- "$1")
else
  BIN=$(command -v -- "$1" || true)
fi
if [[ -z "$BIN" || ! -x "$BIN" ]]; then
  echo "run.sh: $1 is not an executable file" >&2
  exit 2
fi

E2E_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
CHROMIUM=/usr/bin/chromium

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sportello-e2e.XXXXXX")
log="$tmp/server.log"
errlog="$tmp/server.err.log"
server_pid=""

cleanup() {
  local rc=$?
  set +e
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null
    for _ in $(seq 1 50); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  if [[ $rc -ne 0 ]]; then
    echo "run.sh: FAILED (exit $rc); server log tail:" >&2
    echo "----- $log (stdout) -----" >&2
    tail -n 50 "$log" >&2 2>/dev/null
    echo "----- $errlog (stderr) -----" >&2
    tail -n 50 "$errlog" >&2 2>/dev/null
    echo "-----" >&2
  fi
  rm -rf -- "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- dependencies --------------------------------------------------------------

if [[ ! -x "$CHROMIUM" ]]; then
  echo "run.sh: $CHROMIUM missing; installing Debian's chromium" >&2
  if ! apt-get update; then
    echo "run.sh: apt-get update failed; cannot install chromium" >&2
    exit 1
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; then
    echo "run.sh: apt-get install -y chromium failed" >&2
    exit 1
  fi
  if [[ ! -x "$CHROMIUM" ]]; then
    echo "run.sh: chromium installed but $CHROMIUM is still missing" >&2
    exit 1
  fi
fi

# npm writes node_modules/.package-lock.json on every install: it is the
# timestamp of the last install.
if [[ ! -d "$E2E_DIR/node_modules" || ! -e "$E2E_DIR/node_modules/.package-lock.json" \
      || "$E2E_DIR/package-lock.json" -nt "$E2E_DIR/node_modules/.package-lock.json" ]]; then
  echo "run.sh: installing npm dev dependencies (npm ci)" >&2
  (cd "$E2E_DIR" && npm ci --no-audit --no-fund)
fi

# --- server --------------------------------------------------------------------

echo "run.sh: starting $BIN demo" >&2
"$BIN" demo --db "$tmp/demo.sqlite" --addr 127.0.0.1:0 >"$log" 2>"$errlog" </dev/null &
server_pid=$!

addr=""
deadline=$((SECONDS + 60))
while (( SECONDS < deadline )); do
  addr=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$log" 2>/dev/null | head -n 1 || true)
  if [[ -z "$addr" ]]; then
    # Fall back to stderr, in case the address line is logged there.
    addr=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$errlog" 2>/dev/null | head -n 1 || true)
  fi
  [[ -n "$addr" ]] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "run.sh: the server exited before printing its address" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ -z "$addr" ]]; then
  echo "run.sh: the server printed no http://127.0.0.1:PORT address within 60 s" >&2
  exit 1
fi
SPORTELLO_URL=${addr%/}
export SPORTELLO_URL
echo "run.sh: server at $SPORTELLO_URL" >&2

# HTTP status of a GET, or 000 when there is no answer.
http_status() {
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true
  else
    node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) })
      .then((r) => console.log(r.status), () => console.log("000"))' "$1"
  fi
}

healthy=""
code=""
deadline=$((SECONDS + 30))
while (( SECONDS < deadline )); do
  code=$(http_status "$SPORTELLO_URL/healthz")
  if [[ "$code" == 200 ]]; then
    healthy=1
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "run.sh: the server exited before /healthz answered 200" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ -z "$healthy" ]]; then
  echo "run.sh: $SPORTELLO_URL/healthz did not answer 200 within 30 s (last: ${code:-none})" >&2
  exit 1
fi

# --- tests ---------------------------------------------------------------------

# What the test files of this run share (signed-in sessions, the one-time
# codes already sent) lives in the run's folder, removed at the end.
export SPORTELLO_E2E_STATE="$tmp"
status=0
(cd "$E2E_DIR" && npm test) || status=$?
exit "$status"
