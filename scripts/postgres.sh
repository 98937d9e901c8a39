#!/usr/bin/env bash
# Finds a PostgreSQL server the tests can use and prints its admin URL on
# standard output (everything else goes to standard error). In this order:
#   1. SPORTELLO_TEST_POSTGRES, when set: printed as is once a login with it
#      works and its role may create databases (the tests create and drop
#      their own); otherwise this fails and says why. Nothing is started.
#   2. The server on 127.0.0.1:5432 as user postgres without a password: used
#      only when that login really works (answering is not enough: a server
#      that asks for a password would fail every test) and may create
#      databases.
#   3. Otherwise (no server, a password asked, the login refused): a
#      throwaway cluster of its own, trust auth, on 127.0.0.1 only, on a free
#      port, in a new directory /tmp/sportello-postgres.XXXXXX (owned by the
#      postgres user when run as root: the server refuses to run as root),
#      without fsync (its data is thrown away). Debian's postgresql package
#      is installed when no initdb exists, postgresql-client when no psql.
# Fails loudly, never silently: PostgreSQL tests must run, not be skipped.
#
# Stopping a throwaway cluster is the caller's job. With
# SPORTELLO_POSTGRES_STOP_FILE=FILE this script writes into FILE the command
# that stops the cluster and removes its directory (run it with `sh FILE`;
# FILE is left empty when nothing was started): scripts/test does so on exit.
# Without it, the command is printed on standard error.
#
# SPORTELLO_POSTGRES_PROBE=HOST:PORT replaces 127.0.0.1:5432 in step 2. Only
# scripts/test-postgres-script.sh sets it, to point this script at a server
# that asks for a password.
set -euo pipefail

say() { echo "postgres.sh: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
# Lines of text indented under a message, on standard error.
indented() { sed 's/^/    /' >&2; }
# A URL as shown in messages: its password, if any, replaced by ***.
shown() { sed -E 's#^([a-z]+://[^:/@]*):[^@/]*@#\1:***@#' <<<"$1"; }

apt_install() {
  say "installing Debian's $*"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >&2
}

# The newest of this machine's PostgreSQL programs named $1, or nothing.
newest() {
  local found=(/usr/lib/postgresql/*/bin/"$1")
  [[ -x ${found[0]} ]] && printf '%s\n' "${found[@]}" | sort -V | tail -n 1
  return 0
}

# The psql to check logins with (installing Debian's client when none).
PSQL=""
need_psql() {
  if psql --version >/dev/null 2>&1; then PSQL=psql; return; fi
  PSQL=$(newest psql)
  [[ -n $PSQL ]] && return
  apt_install postgresql-client || fail "cannot install Debian's postgresql-client (for psql)"
  PSQL=$(newest psql)
  [[ -n $PSQL ]] || fail "postgresql-client is installed but no psql was found"
}

# Prints why the tests could not use URL (psql's own message), or nothing
# when a login works and its role may create databases. Never prompts.
login_problem() {
  local out
  if ! out=$(PGCONNECT_TIMEOUT=5 "$PSQL" -w -X -A -t -q -d "$1" \
      -c "select rolcreatedb or rolsuper from pg_roles where rolname = current_user" 2>&1); then
    printf '%s\n' "${out:-psql failed without a message}"
  elif [[ $out != t ]]; then
    printf '%s\n' "the login works but its role may not create databases (the tests create and drop their own)"
  fi
}

need_psql

# 1. A server chosen by whoever runs the tests.
if [[ -n ${SPORTELLO_TEST_POSTGRES:-} ]]; then
  problem=$(login_problem "$SPORTELLO_TEST_POSTGRES")
  if [[ -n $problem ]]; then
    say "FAILED: SPORTELLO_TEST_POSTGRES=$(shown "$SPORTELLO_TEST_POSTGRES") is set, but the tests cannot use it:"
    indented <<<"$problem"
    say "Set it to a URL whose login works (postgres://USER:PASSWORD@HOST:PORT/DATABASE when the server"
    say "asks for a password) by a role that may create databases, or unset it: then this script uses"
    say "the server on 127.0.0.1:5432 if a password-less login works there, or starts a throwaway one."
    exit 1
  fi
  say "using SPORTELLO_TEST_POSTGRES as set: $(shown "$SPORTELLO_TEST_POSTGRES")"
  echo "$SPORTELLO_TEST_POSTGRES"
  exit 0
fi

# 2. The usual server, if a password-less login really works there. No
# password from the environment or ~/.pgpass: the URL printed has none.
probe=${SPORTELLO_POSTGRES_PROBE:-127.0.0.1:5432}
url="postgres://postgres@$probe/postgres"
problem=$(unset PGPASSWORD; export PGPASSFILE=/dev/null/none; login_problem "$url")
if [[ -z $problem ]]; then
  echo "$url"
  exit 0
fi
say "not using $url:"
indented <<<"$problem"
say "starting a throwaway cluster of its own (trust auth, 127.0.0.1 only, on a free port)"

# 3. A throwaway cluster of our own.
initdb=$(newest initdb)
if [[ -z $initdb ]]; then
  apt_install postgresql || fail "cannot install Debian's postgresql package"
  initdb=$(newest initdb)
  [[ -n $initdb ]] || fail "the postgresql package is installed but no initdb was found"
fi
bin=$(dirname "$initdb")

owner=()
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
  owner=(runuser -u postgres --)
fi
# /tmp, not $TMPDIR: the postgres user must be able to reach it.
dir=$(mktemp -d /tmp/sportello-postgres.XXXXXX)
[[ ${#owner[@]} -eq 0 ]] || chown postgres "$dir"
# From $dir: the postgres user may not enter the caller's directory.
as_owner() { (cd "$dir" && "${owner[@]}" "$@"); }

# The stop command exists before anything is started, so that a failure
# below removes what was made.
{
  echo "#!/bin/sh"
  echo "# Stops the throwaway PostgreSQL cluster scripts/postgres.sh started, and removes it."
  printf 'cd / && %s %q -D %q -m immediate -w stop >/dev/null 2>&1\n' "${owner[*]}" "$bin/pg_ctl" "$dir/data"
  printf 'rm -rf %q\n' "$dir"
} >"$dir/stop"
handed_over=""
on_exit() {
  local rc=$?
  [[ -n $handed_over ]] || sh "$dir/stop"
  exit "$rc"
}
trap on_exit EXIT

as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync \
  >"$dir/initdb.log" 2>&1 || { indented <"$dir/initdb.log"; fail "initdb failed"; }

# A port nothing listens on, below Linux's range for outgoing connections
# (32768 and up) so that none takes it before the server does; if one does
# all the same, the start fails and another port is tried.
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

port=""
for _ in 1 2 3; do
  candidate=$(free_port) || fail "found no free TCP port on 127.0.0.1"
  if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $candidate -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null 2>&1; then
    port=$candidate
    break
  fi
done
if [[ -z $port ]]; then
  tail -n 20 "$dir/server.log" 2>/dev/null | indented
  fail "the throwaway cluster did not start (three ports tried; its log is above)"
fi

url="postgres://postgres@127.0.0.1:$port/postgres"
problem=$(login_problem "$url")
[[ -z $problem ]] || { indented <<<"$problem"; fail "the throwaway cluster on port $port refuses the login"; }

if [[ -n ${SPORTELLO_POSTGRES_STOP_FILE:-} ]]; then
  printf 'sh %q\n' "$dir/stop" >"$SPORTELLO_POSTGRES_STOP_FILE"
  say "started a throwaway cluster in $dir on port $port; the caller stops it"
else
  say "started a throwaway cluster in $dir on port $port; stop and remove it with: sh $dir/stop"
fi
handed_over=1
echo "$url"
