#!/usr/bin/env bash
# Make sure Debian's Chromium is installed (the browser journeys never download a browser).
# Succeeds when /usr/bin/chromium can start; with CI=true a failure is fatal.
set -uo pipefail
fail() {
  echo "$1" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  exit 2
}
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser journeys"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || fail "apt-get install chromium failed"
  else
    fail "Chromium is missing: install Debian's package (apt-get install -y chromium)"
  fi
fi
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --disable-quic --user-data-dir="$(mktemp -d)" --dump-dom about:blank >/dev/null 2>&1 \
  || fail "Chromium is installed but does not start"
