#!/usr/bin/env bash
# Gets the PostgreSQL this service expects on a Debian machine: answering on 127.0.0.1:5432 with
# trust authentication for local connections. Starts an installed cluster that is stopped; installs
# one from Debian's packages where there is none. Safe to run again.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "postgres: installing PostgreSQL from Debian packages"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
  fresh_install=1
fi

version=$(ls /etc/postgresql | sort -V | tail -n 1)
if [ "${fresh_install:-0}" = 1 ]; then
  # A new cluster asks for passwords over TCP; the service and its tests expect trust on loopback.
  hba=/etc/postgresql/$version/main/pg_hba.conf
  as_root sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "postgres: starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || as_root pg_ctlcluster "$version" main start
fi
if [ "${fresh_install:-0}" = 1 ]; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true
fi

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432
