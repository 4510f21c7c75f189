#!/usr/bin/env python3
"""py-email - a Python equivalent of mldigest, as a peer for bench/run.

It does the work the digest needs with the standard library alone: split
the mbox at From_ lines (mboxrd, ">From " unescaped), parse every message
in full with the email package's default policy (decoded headers, address
objects, dates, MIME tree), take the text of the first text/plain part,
classify the subject ([PATCH vN m/n], cover letters, replies), take the
contributor from an in-body "From:", and print the two tallies, the patch
list and each new series' commit message up to its diffstat.

It is a yardstick, not a second implementation: its rules are the plain
ones above, and its output is not meant to match mldigest byte for byte.

usage: py-email.py FILE   ("-": standard input)
"""
import collections
import email.parser
import email.policy
import email.utils
import re
import sys

BRACKET = re.compile(r"\[([^\]]*)\]\s*")
NUMBERED = re.compile(r"(\d+)/(\d+)")
REPLY = re.compile(r"^\s*((re|fwd?|aw)\s*:\s*)+", re.I)
RULE = "-" * 70


def messages(stream):
    """Yields the raw bytes of each message of an mbox."""
    lines = []
    previous_blank = True
    for line in stream:
        if line.startswith(b"From ") and previous_blank:
            if lines:
                yield b"".join(lines)
            lines = []
        elif line[:1] == b">" and re.match(rb">+From ", line):
            lines.append(line[1:])
        else:
            lines.append(line)
        previous_blank = line in (b"\n", b"\r\n")
    if lines:
        yield b"".join(lines)


def first_plain(msg):
    part = msg.get_body(preferencelist=("plain",))
    if part is None:
        return ""
    try:
        return part.get_content()
    except (LookupError, ValueError):
        return part.get_payload(decode=True).decode("utf-8", "replace")


def classify(subject):
    """(kind, n, title) of a subject."""
    if REPLY.match(subject):
        return "reply", 0, subject
    rest, tags = subject, []
    while True:
        m = BRACKET.match(rest)
        if not m:
            break
        tags.append(m.group(1))
        rest = rest[m.end():]
    tag = " ".join(tags)
    if "PATCH" not in tag.upper():
        return "other", 0, rest
    m = NUMBERED.search(tag)
    n = int(m.group(1)) if m else 1
    return ("cover" if n == 0 else "patch"), n, rest


def contributor(author, text):
    """The in-body From: at the top of the body, else the author."""
    for line in text.splitlines()[:3]:
        if line.startswith("From: "):
            return line[6:].strip()
    return author


def commit_message(text):
    """The body through the diffstat, without the in-body headers."""
    out = []
    for line in text.splitlines():
        if line.startswith("diff --git ") or line.startswith("Index: "):
            break
        out.append(line)
    while out and (out[0].startswith("From: ") or not out[0].strip()):
        out.pop(0)
    return "\n".join(out).rstrip()


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: py-email.py FILE\n")
        return 2
    name = sys.argv[1]
    stream = sys.stdin.buffer if name == "-" else open(name, "rb")
    parser = email.parser.BytesParser(policy=email.policy.default)
    people = collections.Counter()
    domains = collections.Counter()
    postings = []
    seen = set()
    for raw in messages(stream):
        msg = parser.parsebytes(raw)
        subject = " ".join(str(msg.get("Subject", "")).split())
        kind, n, title = classify(subject)
        if kind not in ("patch", "cover"):
            continue
        author = str(msg.get("From", ""))
        text = first_plain(msg)
        who = contributor(author, text)
        addr = email.utils.parseaddr(who)[1]
        people[who] += 1
        domains[addr.rpartition("@")[2].lower()] += 1
        if n <= 1:
            postings.append((msg.get("Date"), kind, subject, title, author,
                             commit_message(text)))
    out = sys.stdout
    for heading, tally in (("contributor Email domains", domains),
                           ("contributors", people)):
        out.write("Top 15 %s (Based on Email Body)\n\n" % heading)
        for key, count in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))[:15]:
            out.write("%7d %s\n" % (count, key))
        out.write("\n")
    postings.reverse()
    out.write("===== Patch list in this time period =====\n\n")
    for posting in postings:
        out.write("%s\n" % posting[2])
    out.write("\n===== Patch Commit Messages ====\n\n")
    for _, kind, subject, title, author, body in postings:
        tag = "Exist" if title in seen else "New"
        seen.add(title)
        out.write("%s: %s\n%s\nAuthor: %s\n\n%s\n\n%s\n" %
                  (tag, title, subject, author, body, RULE))
    return 0


if __name__ == "__main__":
    sys.stdout.reconfigure(errors="replace")
    sys.exit(main())
