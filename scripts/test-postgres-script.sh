#!/usr/bin/env bash
# Tests scripts/postgres.sh against real servers, in a few seconds. It starts
# a server of its own whose TCP logins need a password (scram-sha-256), on a
# free port, and checks that postgres.sh
#   A. probing that server (SPORTELLO_POSTGRES_PROBE) notices the refused
#      login and starts a throwaway trust cluster whose printed URL answers
#      `select 1` and can create a database, and writes the command that
#      stops it (SPORTELLO_POSTGRES_STOP_FILE);
#   B. probing that throwaway cluster, where a password-less login works,
#      prints its URL and starts nothing;
#   C. with SPORTELLO_TEST_POSTGRES pointing at the password server without
#      the password, fails, says why and prints no URL;
#   D. with SPORTELLO_TEST_POSTGRES carrying the password, prints it as is,
#      starts nothing and shows no password in its messages;
#   E. and that A's stop command stops the throwaway cluster and removes
#      its directory. Every cluster is stopped and removed on exit, on failure too.
# scripts/test runs it in its PostgreSQL step.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "test-postgres-script.sh: $*" >&2; }
# Whoever runs the tests may have set these; each case sets its own.
unset SPORTELLO_TEST_POSTGRES SPORTELLO_POSTGRES_PROBE SPORTELLO_POSTGRES_STOP_FILE PGPASSWORD

tmp=$(mktemp -d /tmp/sportello-postgres-test.XXXXXX)
owner=()
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
  owner=(runuser -u postgres --)
  chown postgres "$tmp"
fi
as_owner() { (cd "$tmp" && "${owner[@]}" "$@"); }

bin=""
cleanup() {
  local rc=$? stop
  set +e
  for stop in "$tmp"/stop-*; do
    [[ -s $stop ]] && sh "$stop"
  done
  [[ -n $bin ]] && as_owner "$bin/pg_ctl" -D "$tmp/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

failed() {
  say "FAILED: $*"
  local err
  for err in "$tmp"/err-*; do
    [[ -e $err ]] || continue
    echo "----- postgres.sh's messages, case ${err##*-} -----" >&2
    cat "$err" >&2
  done
  exit 1
}

# --- a server that asks for a password ----------------------------------------

initdbs=(/usr/lib/postgresql/*/bin/initdb)
if [[ ! -x ${initdbs[0]} ]]; then
  say "installing Debian's postgresql package"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2 \
    || failed "cannot install Debian's postgresql package"
  initdbs=(/usr/lib/postgresql/*/bin/initdb)
fi
bin=$(dirname "$(printf '%s\n' "${initdbs[@]}" | sort -V | tail -n 1)")

password="pw-$RANDOM$RANDOM"
echo "$password" >"$tmp/pwfile"
[[ ${#owner[@]} -eq 0 ]] || chown postgres "$tmp/pwfile"
as_owner "$bin/initdb" -D "$tmp/data" -U postgres --pwfile="$tmp/pwfile" \
  --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log" >&2; failed "initdb of the password server"; }

pw_port=""
for _ in 1 2 3; do
  candidate=$((20000 + RANDOM % 12000))
  (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null && continue
  if as_owner "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $candidate -k $tmp -c fsync=off" start >/dev/null 2>&1; then
    pw_port=$candidate
    break
  fi
done
[[ -n $pw_port ]] || { cat "$tmp/server.log" >&2; failed "the password server did not start"; }

# Runs postgres.sh for case $1 with the environment given after it; its URL
# goes to $tmp/out-$1, its messages to $tmp/err-$1, the command that stops
# what it started to $tmp/stop-$1; returns its exit status.
run_case() {
  local case=$1
  shift
  : >"$tmp/stop-$case"
  env "$@" SPORTELLO_POSTGRES_STOP_FILE="$tmp/stop-$case" scripts/postgres.sh \
    >"$tmp/out-$case" 2>"$tmp/err-$case"
}
answers() { [[ $(psql -w -X -A -t -q -d "$1" -c 'select 1' 2>/dev/null) == 1 ]]; }

# --- A: the password server refuses the login: a throwaway cluster ------------

run_case A SPORTELLO_POSTGRES_PROBE="127.0.0.1:$pw_port" || failed "A: postgres.sh exited non-zero"
own=$(cat "$tmp/out-A")
[[ $own =~ ^postgres://postgres@127\.0\.0\.1:([0-9]+)/postgres$ ]] || failed "A: printed '$own', not a URL"
own_port=${BASH_REMATCH[1]}
[[ $own_port != "$pw_port" ]] || failed "A: printed the password server's URL"
grep -q "not using postgres://postgres@127.0.0.1:$pw_port/postgres" "$tmp/err-A" \
  || failed "A: did not say why it left the password server"
grep -qi password "$tmp/err-A" || failed "A: did not say the server asked for a password"
answers "$own" || failed "A: select 1 through $own did not answer 1"
psql -w -X -q -d "$own" -c 'create database postgres_script_test' -c 'drop database postgres_script_test' \
  >/dev/null 2>&1 || failed "A: cannot create and drop a database through $own"
[[ $(cat "$tmp/stop-A") =~ ^sh\ (/tmp/sportello-postgres\.[A-Za-z0-9]+)/stop$ ]] \
  || failed "A: wrote no stop command ('$(cat "$tmp/stop-A")')"
own_dir=${BASH_REMATCH[1]}
[[ -d $own_dir/data ]] || failed "A: the cluster's directory $own_dir/data does not exist"
say "ok A: the server asking for a password is left; a throwaway cluster answers at $own"

# --- B: a server where the password-less login works is used as it is ---------

run_case B SPORTELLO_POSTGRES_PROBE="127.0.0.1:$own_port" || failed "B: postgres.sh exited non-zero"
[[ $(cat "$tmp/out-B") == "$own" ]] || failed "B: printed '$(cat "$tmp/out-B")', not $own"
[[ ! -s $tmp/stop-B ]] || failed "B: started a cluster although $own works"
say "ok B: a server where the password-less login works is used as it is"

# --- C: SPORTELLO_TEST_POSTGRES whose login is refused: a loud failure --------

if run_case C SPORTELLO_TEST_POSTGRES="postgres://postgres@127.0.0.1:$pw_port/postgres" \
    SPORTELLO_POSTGRES_PROBE="127.0.0.1:$own_port"; then
  failed "C: postgres.sh succeeded with a SPORTELLO_TEST_POSTGRES whose login is refused"
fi
[[ ! -s $tmp/out-C ]] || failed "C: printed a URL: $(cat "$tmp/out-C")"
grep -q "FAILED: SPORTELLO_TEST_POSTGRES=postgres://postgres@127.0.0.1:$pw_port/postgres is set" "$tmp/err-C" \
  || failed "C: did not name SPORTELLO_TEST_POSTGRES in its message"
grep -qi password "$tmp/err-C" || failed "C: did not say the server asked for a password"
[[ ! -s $tmp/stop-C ]] || failed "C: started a cluster"
say "ok C: SPORTELLO_TEST_POSTGRES whose login is refused fails loudly"

# --- D: SPORTELLO_TEST_POSTGRES whose login works: used as it is --------------

preset="postgres://postgres:$password@127.0.0.1:$pw_port/postgres"
run_case D SPORTELLO_TEST_POSTGRES="$preset" SPORTELLO_POSTGRES_PROBE="127.0.0.1:$own_port" \
  || failed "D: postgres.sh exited non-zero with a working SPORTELLO_TEST_POSTGRES"
[[ $(cat "$tmp/out-D") == "$preset" ]] || failed "D: printed '$(cat "$tmp/out-D")', not the preset URL"
[[ ! -s $tmp/stop-D ]] || failed "D: started a cluster"
! grep -q "$password" "$tmp/err-D" || failed "D: showed the password in its messages"
say "ok D: SPORTELLO_TEST_POSTGRES whose login works is used as it is"

# --- A's stop command stops its cluster and removes it ------------------------

sh "$tmp/stop-A"
: >"$tmp/stop-A"
! answers "$own" || failed "the throwaway cluster still answers after its stop command"
[[ ! -e $own_dir ]] || failed "the throwaway cluster's directory $own_dir is still there"

say "ok E: the stop command stops the throwaway cluster and removes its directory"
say "5 passed, 0 failed"
