"""A real SMTP server for the black-box tests (aiosmtpd): STARTTLS required, AUTH required.

Usage: server.py OUT_DIR CERT KEY USER PASSWORD
Prints the port it listens on (127.0.0.1) once ready, then serves until killed. Each message
is written to OUT_DIR as N.json: the envelope, the login used, whether TLS was on, the
Message-ID, and every MIME part decoded (content type and text).
"""
import json
import os
import socket
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
import email
from email import policy

out_dir, cert, key, user, password = sys.argv[1:6]
os.makedirs(out_dir, exist_ok=True)


class Handler:
    def __init__(self):
        self.n = 0

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        parts = []
        for part in msg.walk():
            if part.is_multipart():
                continue
            parts.append({
                "contentType": part.get_content_type(),
                "params": dict(part.get_params() or []),
                "text": part.get_content(),
            })
        self.n += 1
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "login": login_of(session),
            "tls": session.ssl is not None,
            "messageId": msg["Message-ID"],
            "subject": msg["Subject"],
            "to": msg["To"],
            "parts": parts,
        }
        tmp = os.path.join(out_dir, f".{self.n}.tmp")
        with open(tmp, "w") as f:
            json.dump(record, f)
        os.rename(tmp, os.path.join(out_dir, f"{self.n}.json"))
        return "250 Message accepted"


def login_of(session):
    return getattr(session, "convene_login", None)


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login.decode() == user and auth_data.password.decode() == password
    if ok:
        session.convene_login = auth_data.login.decode()
    return AuthResult(success=ok, handled=False)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
ctx.load_cert_chain(cert, key)
port = free_port()
controller = Controller(
    Handler(),
    hostname="127.0.0.1",
    port=port,
    tls_context=ctx,
    require_starttls=True,
    authenticator=authenticator,
    auth_required=True,
)
controller.start()
print(port, flush=True)
try:
    while True:
        time.sleep(3600)
finally:
    controller.stop()
