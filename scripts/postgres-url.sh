#!/usr/bin/env bash
# Print the PostgreSQL URL the tests should use, or nothing when none is reachable.
# With CI=true an unreachable PostgreSQL is an error: CI must not silently skip it.
set -uo pipefail
url="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
reachable() {
  if command -v pg_isready >/dev/null 2>&1; then pg_isready -q -d "$url" && return 0; fi
  if command -v psql >/dev/null 2>&1; then psql "$url" -Atqc 'select 1' >/dev/null 2>&1 && return 0; fi
  (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
}
if ! reachable && [ "${CI:-}" = "true" ] && command -v pg_ctlcluster >/dev/null 2>&1; then
  # The machine starts PostgreSQL before a session; start it again if it has stopped.
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start >/dev/null 2>&1 || true
  sleep 2
fi
if reachable; then
  echo "$url"
elif [ "${CI:-}" = "true" ]; then
  echo "CI requires PostgreSQL at $url, and it is not reachable" >&2
  exit 1
fi
