#!/usr/bin/env python3
"""An SMTP server for tests: receives on 127.0.0.1 and keeps every message.

    scripts/smtp-sink.py DIR [PORT]

Each accepted message becomes DIR/NNNN.eml (the bytes as received) with
DIR/NNNN.json (envelope sender and recipients), written atomically. Prints
the port on standard output once it accepts connections, then runs until
killed. Recipients whose local part starts with `reject` are refused with
550; a message to a `flaky…` recipient is refused with 451 the first time
(kept as DIR/NNNN.refused.eml) and accepted on the next attempt.
Needs aiosmtpd (Debian python3-aiosmtpd, or `python3 -m pip install aiosmtpd`).
"""

import json
import os
import signal
import socket
import sys

try:
    from aiosmtpd.controller import Controller
except ImportError:
    sys.exit("smtp-sink.py: the aiosmtpd module is missing: "
             "python3 -m pip install aiosmtpd (or apt-get install python3-aiosmtpd)")


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0
        self.flaky_refused = set()

    def _write(self, files):
        """Writes (suffix, bytes) pairs as the next NNNN files, each atomically."""
        self.count += 1
        stem = os.path.join(self.directory, "%04d" % self.count)
        for suffix, data in files:
            tmp = stem + suffix + ".tmp"
            with open(tmp, "wb") as f:
                f.write(data)
            os.replace(tmp, stem + suffix)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.split("@", 1)[0].lower().startswith("reject"):
            return "550 5.1.1 <%s>: no such mailbox here" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        flaky = [r for r in envelope.rcpt_tos
                 if r.split("@", 1)[0].lower().startswith("flaky") and r not in self.flaky_refused]
        if flaky:
            self.flaky_refused.update(flaky)
            self._write([(".refused.eml", envelope.original_content)])
            return "451 4.3.0 Temporary failure, try again later"
        envelope_json = json.dumps({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos})
        # The envelope first: a reader that sees the .eml sees both.
        self._write([(".json", envelope_json.encode()), (".eml", envelope.original_content)])
        return "250 2.0.0 Message accepted"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    directory = sys.argv[1]
    os.makedirs(directory, exist_ok=True)
    port = int(sys.argv[2]) if len(sys.argv) == 3 and sys.argv[2] != "0" else free_port()
    controller = Controller(Sink(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print(port, flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        signal.pause()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
