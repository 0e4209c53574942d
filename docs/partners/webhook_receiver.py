"""Receive Convene's webhooks and verify their signatures (Standard Webhooks): Python 3,
standard library only. WEBHOOK_SECRET is the `whsec_...` secret shown when the subscription
was made; PORT is where to listen.
"""

import base64
import hashlib
import hmac
import json
import os
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

TOLERANCE_SECONDS = 5 * 60


def verify(secret, headers, body):
    """Whether `body` (bytes, exactly as received) was signed with `secret`, recently."""
    msg_id = headers.get("webhook-id", "")
    timestamp = headers.get("webhook-timestamp", "")
    if not msg_id or not timestamp.isdigit():
        return False
    if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return False  # an old (replayed) or future request
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    # the header may hold several signatures, "v1,<base64>" separated by spaces
    return any(
        hmac.compare_digest(sig.removeprefix("v1,"), expected)
        for sig in headers.get("webhook-signature", "").split(" ")
        if sig.startswith("v1,")
    )


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if not verify(os.environ["WEBHOOK_SECRET"], self.headers, body):
            print("rejected", flush=True)
            self.send_response(401)
            self.end_headers()
            return
        event = json.loads(body)
        # the same webhook-id arrives again if a delivery is retried: handle it once
        print("verified", event["type"], self.headers["webhook-id"], flush=True)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    server = HTTPServer(("127.0.0.1", int(os.environ.get("PORT", "8000"))), Handler)
    print("listening", server.server_address[1], flush=True)
    server.serve_forever()
