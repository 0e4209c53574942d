#!/usr/bin/env bash
# Make sure Redis answers on 127.0.0.1:6379 for the shared rate-limit tests
# (tests/api/shared_limits.rs). The machine starts it before a session; under CI=true it is
# started again if it has stopped, and an unreachable Redis is an error (never a skip).
set -uo pipefail
up() { (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }
if ! up && [ "${CI:-}" = "true" ] && command -v redis-server >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null 2>&1 || true
  sleep 1
fi
if ! up && [ "${CI:-}" = "true" ]; then
  echo "CI requires Redis at 127.0.0.1:6379, and it is not reachable" >&2
  exit 1
fi
exit 0
