"""Schemathesis checks for Convene's API (loaded by scripts/fuzz-api.sh via SCHEMATHESIS_HOOKS).

Schemathesis' own `not_a_server_error` counts every GraphQL error as a server error, and
refusing random input with VALIDATION is this API's job; so the status is checked here: no
answer may be a 5xx. And an answer must never show the server's insides (SQL, driver
or ORM names, panics, source paths, stack traces), every GraphQL error must carry an
`extensions.code`, and none may be INTERNAL (that is a bug the fuzzer found, whatever the HTTP
status said).
"""

import json
import re

import schemathesis

# Text that only the server's insides would produce. A pattern that also occurs in the request
# is the fuzzer's own input echoed back in a validation message, not a leak.
INTERNAL = [
    r"\bSQL\b",
    r"SQLSTATE",
    r"sqlx",
    r"sea[-_]orm",
    r"\bDbErr\b",
    r"panicked",
    r"stack backtrace",
    r"RUST_BACKTRACE",
    r"\.rs:\d+",
    r"/(?:root|home|usr|tmp|work|src)/[\w.-]+/",
    r"\bSELECT\b.+\bFROM\b",
    r"\bINSERT INTO\b",
    r"UNIQUE constraint failed",
    r"duplicate key value",
    r"violates (?:foreign key|not-null|check) constraint",
    r"no such (?:table|column)",
    r"database is locked",
    r"syntax error at or near",
]


def _request_text(case) -> str:
    parts = [str(getattr(case, "body", "") or "")]
    try:
        parts.append(json.dumps(case.body, default=str))
    except (TypeError, ValueError):
        pass
    return " ".join(parts)


@schemathesis.check
def no_5xx(ctx, response, case):
    """The server never fails: whatever comes in, the answer is below 500."""
    if response.status_code >= 500:
        raise AssertionError(f"HTTP {response.status_code}: {(response.text or '')[:500]}")


@schemathesis.check
def no_internal_text(ctx, response, case):
    """No SQL, paths, panics or driver names in any answer."""
    text = response.text or ""
    sent = _request_text(case)
    for pattern in INTERNAL:
        m = re.search(pattern, text, re.IGNORECASE if pattern.islower() else 0)
        if m and not re.search(re.escape(m.group(0)), sent):
            raise AssertionError(f"The answer shows internal text {m.group(0)!r}: {text[:500]}")


@schemathesis.check
def errors_have_a_code_and_none_is_internal(ctx, response, case):
    """Every GraphQL error has extensions.code; INTERNAL means the fuzzer found a bug."""
    try:
        body = json.loads(response.text or "null")
    except ValueError:
        return
    answers = body if isinstance(body, list) else [body]
    for answer in answers:
        if not isinstance(answer, dict):
            continue
        for error in answer.get("errors") or []:
            code = (error.get("extensions") or {}).get("code")
            if not code:
                raise AssertionError(f"An error without extensions.code: {error}")
            if code == "INTERNAL":
                raise AssertionError(f"An INTERNAL error: {error}")
