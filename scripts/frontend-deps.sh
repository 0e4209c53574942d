#!/usr/bin/env bash
# Install the SPA's npm packages when they are missing or the lock file changed.
set -euo pipefail
cd "$(dirname "$0")/../frontend"
stamp=node_modules/.package-lock.stamp
if [ ! -d node_modules ] || ! cmp -s package-lock.json "$stamp" 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
