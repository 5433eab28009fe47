#!/usr/bin/env bash
# Makes sure PostgreSQL's server binaries (initdb, pg_ctl) are installed for the storage tests.
# Idempotent; starts nothing: the test fixture starts and removes its own throwaway cluster.
set -euo pipefail

have_initdb() {
  command -v initdb >/dev/null 2>&1 && return 0
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

if have_initdb; then
  echo "PostgreSQL server binaries present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL server binaries missing and not running as root: install the 'postgresql' apt package" >&2
  exit 1
fi

apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql

if ! have_initdb; then
  echo "the 'postgresql' package installed but initdb was not found" >&2
  exit 1
fi
echo "PostgreSQL server binaries installed"
