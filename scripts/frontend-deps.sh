#!/usr/bin/env bash
# Install the SPA's npm packages when they are missing or the lock file changed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../frontend"
stamp=node_modules/.package-lock.stamp
if [ ! -d node_modules ] || ! cmp -s package-lock.json "$stamp" 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
# the OpenID Provider that the single sign-on journey signs in at
"$here/oidc-deps.sh"
