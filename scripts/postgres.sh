#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers for the tests and prints its admin
# URL on standard output. Uses the server on 127.0.0.1:5432 when one runs;
# otherwise starts this machine's cluster, or creates a throwaway one under
# ~/.cache (installing Debian's postgresql package if needed). Fails loudly,
# never silently: PostgreSQL tests must run, not be skipped.
set -euo pipefail

say() { echo "postgres.sh: $*" >&2; }

ready() { pg_isready -q -h 127.0.0.1 -p "$1" 2>/dev/null; }

if command -v pg_isready >/dev/null && ready 5432; then
  echo "postgres://postgres@127.0.0.1:5432/postgres"
  exit 0
fi

# A Debian cluster that is installed but stopped.
if command -v pg_lsclusters >/dev/null && [[ -n "$(pg_lsclusters -h 2>/dev/null)" ]]; then
  read -r version cluster port _ < <(pg_lsclusters -h | head -n 1)
  say "starting the PostgreSQL $version/$cluster cluster on port $port"
  pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start || true
  for _ in $(seq 1 30); do ready "$port" && break; sleep 1; done
  if ready "$port"; then
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    exit 0
  fi
  say "the $version/$cluster cluster did not start; trying a throwaway server"
fi

# A throwaway server of our own.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  say "installing Debian's postgresql package"
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 \
    || { say "FAILED: cannot install PostgreSQL"; exit 1; }
fi
bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
port=54329
# Outside $HOME: the server runs as the postgres user, which cannot enter /root.
data="/var/tmp/sportello-postgres"
run=()
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
  run=(runuser -u postgres --)
  mkdir -p "$data"
  chown postgres "$data"
fi
if [[ ! -s "$data/PG_VERSION" ]]; then
  "${run[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust >&2 || { say "FAILED: initdb"; exit 1; }
fi
if ! ready "$port"; then
  "${run[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k /tmp" start >&2 || { say "FAILED: cannot start PostgreSQL (see $data/server.log)"; exit 1; }
fi
ready "$port" || { say "FAILED: PostgreSQL on port $port does not answer"; exit 1; }
echo "postgres://postgres@127.0.0.1:$port/postgres"
