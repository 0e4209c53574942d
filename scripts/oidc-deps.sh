#!/usr/bin/env bash
# Install the test OpenID Provider's npm packages (tests/oidc) when they are missing or the lock
# file changed. Called by the black-box single sign-on test, scripts/frontend-deps.sh and the
# browser journeys; nothing is installed globally.
set -euo pipefail
cd "$(dirname "$0")/../tests/oidc"
stamp=node_modules/.package-lock.stamp
if [ ! -d node_modules ] || ! cmp -s package-lock.json "$stamp" 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
