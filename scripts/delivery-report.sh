#!/usr/bin/env bash
# The start page and the application journey loaded cold in Chromium on an emulated fast-3G link
# (1.6 Mbit/s down, 750 kbit/s up, 150 ms latency), against `convene serve` with the demo data:
# writes DELIVERY.md beside BENCHMARKS.md. A measure, not a test (`make test` does not run it);
# the byte budget that fails the build is frontend/budget.json.
#
#   scripts/delivery-report.sh                      # builds the server and the SPA first
#   DELIVERY_NO_BUILD=1 scripts/delivery-report.sh  # use target/debug/convene and frontend/dist as they are
#   DELIVERY_RUNS=5 scripts/delivery-report.sh      # more cold runs (medians are reported)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
bin="$target/debug/convene"

if [ -z "${DELIVERY_NO_BUILD:-}" ]; then
  make -C "$root" -s server spa
fi
[ -x "$bin" ] || { echo "No $bin: run make build"; exit 1; }
[ -f "$root/frontend/dist/index.html" ] || { echo "No frontend/dist: run make build"; exit 1; }
scripts_rc=0; "$root/scripts/chromium.sh" || scripts_rc=$?
[ "$scripts_rc" -eq 0 ] || { echo "Chromium is not usable: no report"; exit 1; }

source "$root/scripts/lib/demo-server.sh"
demo_server "$bin" CONVENE_STATIC_DIR="$root/frontend/dist" RUST_LOG=warn

(cd "$root/frontend" && node scripts/delivery-report.mjs "$base") >"$work/DELIVERY.md"
mv "$work/DELIVERY.md" "$root/DELIVERY.md"
echo "wrote DELIVERY.md"
