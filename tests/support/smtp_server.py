#!/usr/bin/python3
"""A real SMTP server for the tests (Debian's python3-aiosmtpd) on 127.0.0.1.

Usage: smtp_server.py DIR [PORT]   (PORT 0 or absent: a free one)
Prints the port on the first line of stdout once it listens. Every message it accepts becomes
DIR/NNNN.json, written whole (temp file + rename), decoded by Python's own e-mail parser so the tests
check what a mail client would show, not what portald meant to write:
  {"mail_from", "rcpt_tos", "from", "to", "subject", "date", "message_id", "content_type",
   "transfer_encoding", "auto_submitted", "body", "raw"}
Exits on SIGTERM.
"""
import asyncio
import email
import email.policy
import json
import os
import signal
import sys

from aiosmtpd.smtp import SMTP


class Mailbox:
    def __init__(self, directory):
        self.directory = directory
        self.count = len([n for n in os.listdir(directory) if n.endswith(".json")])

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "from": str(message.get("From", "")),
            "to": str(message.get("To", "")),
            "subject": str(message.get("Subject", "")),
            "date": str(message.get("Date", "")),
            "message_id": str(message.get("Message-ID", "")),
            "content_type": message.get_content_type() + "; charset=" + str(message.get_content_charset()),
            "transfer_encoding": str(message.get("Content-Transfer-Encoding", "")),
            "auto_submitted": str(message.get("Auto-Submitted", "")),
            "body": message.get_content(),
            "raw": raw.decode("utf-8", "replace"),
        }
        self.count += 1
        path = os.path.join(self.directory, "%04d.json" % self.count)
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(path + ".tmp", path)
        return "250 OK"


async def main():
    directory = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    loop = asyncio.get_running_loop()
    handler = Mailbox(directory)
    server = await loop.create_server(lambda: SMTP(handler, hostname="smtp.test"), "127.0.0.1", port)
    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, lambda: stop.done() or stop.set_result(None))
    print(server.sockets[0].getsockname()[1], flush=True)
    await stop
    server.close()
    await server.wait_closed()


asyncio.run(main())
