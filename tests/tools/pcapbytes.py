"""pcapbytes.py: the byte-level facts the test and example scripts that
build packets share: the Internet checksum (RFC 1071) and the pcap file
format (pcap-savefile(5)), little-endian, microsecond timestamps.

Imported by tests/decode/mkdns.py, tests/decode/compare.py,
tests/html/check.py, tests/cli/facts.py and examples/make-ip6-ext.py,
each of which puts this folder on sys.path first."""
import struct


def csum(data):
    """The ones'-complement sum of 16-bit words, complemented; an odd
    length is padded with a zero byte."""
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def pcap_header(dlt, snaplen=262144):
    """The file header: magic, version 2.4, no zone or accuracy."""
    return struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snaplen, dlt)


def pcap_record(sec, usec, data, orig=None):
    """One packet: its header (captured length, and the length on the
    wire, orig, which defaults to the captured one), then its bytes."""
    return struct.pack("<IIII", sec, usec, len(data), len(data) if orig is None else orig) + data
