#!/usr/bin/env python3
"""snmpmib.py: prints the rows of src/decode/snmp_mib.c, the object names
tcpdump prints for SNMP OIDs without -n, read off tcpdump itself: for each
named node (breadth first from the roots) one SetRequest asks for its
children 0-255, each OID with its first byte encoded in two (so none of
tcpdump's abbreviated prefixes applies and the whole path prints); a child
whose last component prints as a name is a node.
usage: snmpmib.py > rows.inc   (needs tcpdump in PATH)"""
import struct, subprocess, tempfile


def tlv(t, b):
    n = len(b)
    return bytes([t]) + (bytes([n]) if n < 128 else bytes([0x81, n]) if n < 256 else bytes([0x82, n >> 8, n & 255])) + b


def sub(v):
    e = [v & 0x7f]
    v >>= 7
    while v:
        e.insert(0, (v & 0x7f) | 0x80)
        v >>= 7
    return bytes(e)


def oid(parts):
    first = parts[0] * 40 + (parts[1] if len(parts) > 1 else 0)
    return tlv(6, b"\x80" + sub(first) + b"".join(sub(v) for v in parts[2:]))


ONE = tlv(2, b"\x01")


def frame(oids):
    vbs = b"".join(tlv(0x30, oid(o) + ONE) for o in oids)
    msg = tlv(0x30, tlv(2, b"\0") + tlv(4, b"public") + tlv(0xa3, ONE + tlv(2, b"\0") + tlv(2, b"\0") + tlv(0x30, vbs)))
    udp = struct.pack("!HHHH", 1234, 161, 8 + len(msg), 0) + msg
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 1, 0, 64, 17, 0, bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]))
    return b"\0\1\2\3\4\5" * 2 + b"\x08\x00" + ip + udp


def ask(batches):
    with tempfile.NamedTemporaryFile(suffix=".pcap") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
        for b in batches:
            p = frame(b)
            f.write(struct.pack("<IIII", 0, 0, len(p), len(p)) + p)
        f.flush()
        out = subprocess.run(["tcpdump", "-t", "-r", f.name], capture_output=True, text=True).stdout
    return [line.split("SetRequest(", 1)[1].split(")", 1)[1].split() for line in out.splitlines()]


def main():
    rows, index, frontier = [], {}, []
    for s, t in enumerate(ask([[[s, 0] for s in range(3)]])[0]):
        name = t[:-2].split(".")[1]
        if not name.isdigit():
            index[(s,)] = len(rows)
            rows.append((-1, s, name))
            frontier.append([s])
    while frontier:
        batch, frontier = frontier[:60], frontier[60:]
        # under arcs 0 and 1 the second sub-identifier shares the first byte: 0-39
        res = ask([[p + [k] for k in range(40 if len(p) == 1 and p[0] < 2 else 256)] for p in batch])
        for p, toks in zip(batch, res):
            for k, t in enumerate(toks):
                name = t[:-2].rsplit(".", 1)[-1]
                if not name.isdigit():
                    index[tuple(p + [k])] = len(rows)
                    rows.append((index[tuple(p)], k, name))
                    frontier.append(p + [k])
    line = ""
    for parent, k, name in rows:
        ent = '{ %d, %d, "%s" }, ' % (parent, k, name)
        if len(line) + len(ent) > 110:
            print("\t" + line.rstrip())
            line = ""
        line += ent
    print("\t" + line.rstrip())


if __name__ == "__main__":
    main()
