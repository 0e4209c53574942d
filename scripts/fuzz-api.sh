#!/usr/bin/env bash
# Fuzz the GraphQL API with schemathesis (GraphQL mode) against a real `convene serve` on a
# temporary SQLite database and a free port, signed in as the programme team. Fails on any 5xx,
# any answer that shows internal text (SQL, paths, panics), any error without a code or with
# INTERNAL, and any internal error in the server's log.
#
#   scripts/fuzz-api.sh                       # about 500 cases (what `make test` runs)
#   FUZZ_EXAMPLES=5000 scripts/fuzz-api.sh    # a longer run
#   FUZZ_SEED=123 scripts/fuzz-api.sh         # repeat a run
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
bin="$target/debug/convene"
venv="$target/fuzz-venv"
examples="${FUZZ_EXAMPLES:-500}"
seed="${FUZZ_SEED:-$RANDOM}"

if [ ! -x "$bin" ]; then
  (cd "$root" && cargo build -q -p convene-server)
fi
if [ ! -x "$venv/bin/schemathesis" ]; then
  echo "Installing schemathesis into $venv"
  if ! { python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis>=4,<5"; }; then
    rm -rf "$venv"
    if [ "${CI:-}" = "true" ]; then echo "CI requires the API fuzzing, and schemathesis could not be installed"; exit 1; fi
    echo "schemathesis could not be installed (no Python venv or no PyPI): skipping the API fuzzing (CI requires it)"
    exit 0
  fi
fi

source "$root/scripts/lib/demo-server.sh"
admin_email="fuzz-admin@convene.invalid"
admin_password="fuzz-$(python3 -c 'import secrets; print(secrets.token_hex(12))')"
demo_server "$bin" \
  CONVENE_ADMIN_EMAIL="$admin_email" \
  CONVENE_ADMIN_PASSWORD="$admin_password" \
  RUST_LOG=warn,convene_server=info

token="$(curl -fsS "$base/graphql" -H 'content-type: application/json' \
  --data "{\"query\":\"mutation(\$i: SignInInput!) { signIn(input: \$i) { accessToken } }\",\"variables\":{\"i\":{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}}}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["signIn"]["accessToken"])')"

# FUZZ_EXAMPLES is the whole run's budget; schemathesis counts per root field.
fields="$(python3 - "$root/schema.graphql" <<'EOF'
import re, sys
sdl = open(sys.argv[1]).read()
n = 0
for name in ("QueryRoot", "MutationRoot"):
    m = re.search(r"type %s \{(.*?)\n\}" % name, sdl, re.S)
    n += len(re.findall(r"^\t\w+[(:]", m.group(1), re.M)) if m else 0
print(max(n, 1))
EOF
)"
per_field=$(( examples / fields ))
[ "$per_field" -lt 1 ] && per_field=1
echo "Fuzzing $fields root fields, $per_field case(s) each (seed $seed) at $base"

rc=0
cd "$work" # schemathesis keeps its example database in the working directory
SCHEMATHESIS_HOOKS="$root/scripts/fuzz_checks.py" \
  "$venv/bin/schemathesis" run "$root/schema.graphql" \
    --url "$base/graphql" \
    -H "Authorization: Bearer $token" \
    --phases fuzzing \
    --checks no_5xx,no_internal_text,errors_have_a_code_and_none_is_internal \
    --max-examples "$per_field" \
    --seed "$seed" \
    --workers 2 \
    --request-timeout 20 \
    --no-color \
    --report junit --report-dir "$target/fuzz-report" \
  || rc=$?

# The server's own account: a panic or an internal error is a finding even if the answer hid it.
if grep -nE "panicked|internal error" "$work/server.log" >"$work/findings" 2>/dev/null; then
  echo "The server logged internal errors while fuzzed:"
  head -n 40 "$work/findings"
  rc=1
fi
if [ "$rc" -ne 0 ]; then
  echo "fuzz-api: findings (seed $seed); the server log's tail:"
  tail -n 20 "$work/server.log"
  exit "$rc"
fi
echo "fuzz-api: no 5xx, no internal text, no internal errors (seed $seed)"
