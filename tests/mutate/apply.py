#!/usr/bin/python3
"""apply.py: read tests/mutate/mutations.txt and apply one mutation.

    apply.py list MUTATIONS             the names, one a line
    apply.py get MUTATIONS NAME KEY     one field (file, first, why, ...)
    apply.py check MUTATIONS TREE       every old text occurs exactly once
    apply.py apply MUTATIONS NAME TREE  replace it in TREE/file

A pattern that does not occur exactly once is an error (exit 3) that names
the file, the count and the text: the code moved and the pattern must be
updated by hand, never matched loosely."""
import sys

KEYS = ("name", "file", "old", "new", "first", "why")


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in "tn\\":
            out.append({"t": "\t", "n": "\n", "\\": "\\"}[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def read(path):
    muts, cur = [], None
    for n, line in enumerate(open(path), 1):
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        if not line.strip():
            cur = None
            continue
        key, sep, val = line.partition(":")
        if not sep or key not in KEYS:
            sys.exit("%s:%d: not 'key: value' with a key of %s" % (path, n, ", ".join(KEYS)))
        val = val.lstrip(" ")  # the values are aligned; a leading blank is spelled \t
        if key == "name":
            cur = {"line": n}
            muts.append(cur)
        elif cur is None:
            sys.exit("%s:%d: %s before name" % (path, n, key))
        cur[key] = unescape(val) if key in ("old", "new") else val
    names = set()
    for m in muts:
        for k in ("name", "file", "old", "new", "why"):
            if k not in m:
                sys.exit("%s:%d: mutation lacks %s" % (path, m["line"], k))
        if m["name"] in names:
            sys.exit("%s: %s twice" % (path, m["name"]))
        names.add(m["name"])
    return muts


def count(m, tree):
    try:
        text = open("%s/%s" % (tree, m["file"])).read()
    except OSError as e:
        return None, str(e)
    return text, text.count(m["old"])


def stale(m, n):
    return "STALE %s: %s holds the old text %s time(s), not once: %r" % (m["name"], m["file"], n, m["old"])


def main():
    cmd, muts = sys.argv[1], read(sys.argv[2])
    by = {m["name"]: m for m in muts}
    if cmd == "list":
        print("\n".join(m["name"] for m in muts))
    elif cmd == "get":
        print(by[sys.argv[3]].get(sys.argv[4], ""))
    elif cmd == "check":
        bad = 0
        for m in muts:
            text, n = count(m, sys.argv[3])
            if n != 1:
                print(stale(m, n))
                bad += 1
        return 3 if bad else 0
    elif cmd == "apply":
        m, tree = by[sys.argv[3]], sys.argv[4]
        text, n = count(m, tree)
        if n != 1:
            print(stale(m, n))
            return 3
        open("%s/%s" % (tree, m["file"]), "w").write(text.replace(m["old"], m["new"]))
    else:
        sys.exit("usage: apply.py list|get|check|apply ...")
    return 0


sys.exit(main())
