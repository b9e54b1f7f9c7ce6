"""pcaputil: pcap files read and written by the tests themselves, from
pcap-savefile(5), so that the references the tests compare bpfx with do
not go through bpfx or libbpfx."""
import struct

MAGICS = {b"\xd4\xc3\xb2\xa1": "<", b"\xa1\xb2\xc3\xd4": ">",
          b"\x4d\x3c\xb2\xa1": "<", b"\xa1\xb2\x3c\x4d": ">"}


def read(path):
    """(header bytes, [(ts_sec, ts_frac, record bytes incl. header, data,
    wire length)])."""
    with open(path, "rb") as f:
        raw = f.read()
    end = MAGICS[raw[:4]]
    recs, off = [], 24
    while off + 16 <= len(raw):
        sec, frac, caplen, wirelen = struct.unpack(end + "IIII", raw[off:off + 16])
        rec = raw[off:off + 16 + caplen]
        recs.append((sec, frac, rec, rec[16:], wirelen))
        off += 16 + caplen
    return raw[:24], recs


def write(path, header, recs):
    with open(path, "wb") as f:
        f.write(header)
        for r in recs:
            f.write(r[2])


def shift(path, out, seconds, usec):
    """A copy of a microsecond pcap file with every timestamp moved on."""
    header, recs = read(path)
    end = MAGICS[header[:4]]
    moved = []
    for sec, frac, rec, data, wirelen in recs:
        t = sec * 1000000 + frac + seconds * 1000000 + usec
        s, u = divmod(t, 1000000)
        moved.append((s, u, struct.pack(end + "II", s, u) + rec[8:], data, wirelen))
    write(out, header, moved)


def merge_by_time(header, recs):
    """The records in time order, a stable sort: equal timestamps keep
    their order (that of the files as listed, then within each file)."""
    return header + b"".join(r[2] for r in sorted(recs, key=lambda r: (r[0], r[1])))


def write_pcapng(path, header, recs):
    """The same packets as a pcapng file (pcapng spec, little-endian): a
    section header, one interface description with the pcap header's link
    type and snapshot length, and an enhanced packet block per record
    (timestamps in microseconds, the interface's default resolution)."""
    linktype, snaplen = struct.unpack("<I", header[20:24])[0], struct.unpack("<I", header[16:20])[0]

    def block(kind, body):
        body += b"\0" * (-len(body) % 4)
        n = 12 + len(body)
        return struct.pack("<II", kind, n) + body + struct.pack("<I", n)

    out = [block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1)),
           block(1, struct.pack("<HHI", linktype, 0, snaplen))]
    for sec, frac, rec, data, wirelen in recs:
        t = sec * 1000000 + frac
        out.append(block(6, struct.pack("<IIIII", 0, t >> 32, t & 0xffffffff, len(data), wirelen)
                         + data))
    with open(path, "wb") as f:
        f.write(b"".join(out))
