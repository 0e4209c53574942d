# Sourced by scripts that need a throwaway `convene serve` with the demo data: a temporary
# folder ($work) for its SQLite database, data and mail, a free port ($port, $base), stopped and
# removed when the script exits. Extra settings come as VAR=value arguments.
#
#   source "$root/scripts/lib/demo-server.sh"
#   demo_server "$bin" CONVENE_STATIC_DIR="$root/frontend/dist"
work="$(mktemp -d)"
server_pid=""
demo_server_cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap demo_server_cleanup EXIT
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"

# demo_server BIN [VAR=value …]: start it (log in $work/server.log) and wait until it is ready.
demo_server() {
  local bin="$1"
  shift
  env CONVENE_DATABASE_URL="sqlite://$work/convene.db?mode=rwc" \
    CONVENE_LISTEN="127.0.0.1:$port" \
    CONVENE_DATA_DIR="$work/data" \
    CONVENE_MAIL_DIR="$work/mail" \
    CONVENE_STATIC_DIR="$work/no-spa" \
    CONVENE_RATE_LIMITS=off \
    CONVENE_DEMO=1 \
    "$@" \
    "$bin" serve >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 150); do
    if curl -fsS "$base/ready" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log"; echo "The server did not start"; exit 1; fi
    sleep 0.2
  done
  curl -fsS "$base/ready" >/dev/null
}
