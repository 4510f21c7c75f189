#!/usr/bin/env python3
"""py-mailbox - the Python standard library's mailbox module as a peer
for bench/run: one tab-separated line per message of an mbox with its
Date, From, Subject and Message-ID headers, as they are stored (folding
removed, encoded words left alone).

mailbox.mbox first scans the whole file for From_ lines, then parses each
message with the email package's compat32 policy.

usage: py-mailbox.py FILE
"""
import mailbox
import sys

FIELDS = ("Date", "From", "Subject", "Message-ID")


def field(msg, name):
    value = msg.get(name)
    if value is None:
        return ""
    return " ".join(str(value).split())


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: py-mailbox.py FILE\n")
        return 2
    out = sys.stdout
    for msg in mailbox.mbox(sys.argv[1], create=False):
        out.write("\t".join(field(msg, name) for name in FIELDS) + "\n")
    return 0


if __name__ == "__main__":
    sys.stdout.reconfigure(errors="replace")
    sys.exit(main())
