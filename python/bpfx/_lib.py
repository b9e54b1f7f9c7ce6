"""_lib: libbpfx loaded with ctypes, and the C declarations of include/bpfx.h.

The library is found, in this order, at $BPFX_LIBRARY (the tests point it at
the build tree's .libs/libbpfx.so), at the path `make install` wrote into
_config.py, then by the loader's own search (ctypes.util.find_library).
"""
import ctypes
import ctypes.util
import os


class bpf_insn(ctypes.Structure):
    """struct bpf_insn of <pcap/bpf.h>."""
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8),
                ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class bpfx_error(ctypes.Structure):
    _fields_ = [("start", ctypes.c_int), ("end", ctypes.c_int),
                ("msg", ctypes.c_char * 256)]


class bpfx_options(ctypes.Structure):
    _fields_ = [("linktype", ctypes.c_int), ("snaplen", ctypes.c_uint32),
                ("optimize", ctypes.c_int), ("savefile", ctypes.c_int),
                ("swapped", ctypes.c_int), ("dump", ctypes.c_uint),
                ("dump_to", ctypes.c_void_p), ("ip6_transport", ctypes.c_int),
                ("kernel_vlan", ctypes.c_int)]


class bpfx_program(ctypes.Structure):
    _fields_ = [("insns", ctypes.POINTER(bpf_insn)), ("len", ctypes.c_uint)]


class bpfx_packet(ctypes.Structure):
    _fields_ = [("data", ctypes.c_char_p), ("wirelen", ctypes.c_uint32),
                ("caplen", ctypes.c_uint32)]


class bpfx_file_counts(ctypes.Structure):
    _fields_ = [("packets", ctypes.c_uint64), ("matched", ctypes.c_uint64),
                ("bytes", ctypes.c_uint64)]


class bpfx_file_info(ctypes.Structure):
    _fields_ = [("linktype", ctypes.c_int), ("snaplen", ctypes.c_uint32),
                ("swapped", ctypes.c_int), ("pcapng", ctypes.c_int),
                ("size", ctypes.c_uint64), ("packets", ctypes.c_uint64)]


def _candidates():
    env = os.environ.get("BPFX_LIBRARY")
    if env:
        return [env]
    found = []
    try:
        from . import _config  # written by make install
        found.append(_config.LIBRARY)
    except ImportError:
        pass
    name = ctypes.util.find_library("bpfx")
    if name:
        found.append(name)
    return found


def _load():
    tried = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            tried.append(str(e))
    raise ImportError("bpfx: libbpfx not found (set BPFX_LIBRARY to libbpfx.so); tried: "
                      + ("; ".join(tried) or "nothing: not installed"))


lib = _load()

_P = ctypes.POINTER
_DECLS = {
    "bpfx_version": (ctypes.c_char_p, []),
    "bpfx_options_init": (None, [_P(bpfx_options)]),
    "bpfx_compile": (ctypes.c_int, [ctypes.c_char_p, _P(bpfx_options), _P(bpfx_program),
                                    _P(bpfx_error)]),
    "bpfx_program_free": (None, [_P(bpfx_program)]),
    "bpfx_validate": (ctypes.c_int, [_P(bpf_insn), ctypes.c_size_t, _P(bpfx_error)]),
    "bpfx_run": (ctypes.c_uint32, [_P(bpf_insn), ctypes.c_char_p, ctypes.c_uint32,
                                   ctypes.c_uint32]),
    "bpfx_run_batch": (ctypes.c_size_t, [_P(bpf_insn), ctypes.c_size_t, _P(bpfx_packet),
                                         ctypes.c_size_t, _P(ctypes.c_uint32)]),
    "bpfx_linktype_from_name": (ctypes.c_int, [ctypes.c_char_p]),
    "bpfx_linktype_name": (ctypes.c_char_p, [ctypes.c_int]),
    "bpfx_format_program": (ctypes.c_void_p, [_P(bpf_insn), ctypes.c_size_t, ctypes.c_int]),
    "bpfx_explain_text": (ctypes.c_void_p, [ctypes.c_char_p, _P(bpfx_options), _P(bpfx_error)]),
    "bpfx_free": (None, [ctypes.c_void_p]),
    "bpfx_filter_file": (ctypes.c_int, [_P(bpf_insn), ctypes.c_size_t, ctypes.c_int,
                                        ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint64,
                                        ctypes.c_uint64, _P(bpfx_file_counts), _P(bpfx_error)]),
    "bpfx_index_file": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_uint64, _P(ctypes.c_uint64),
                                       ctypes.c_size_t, _P(ctypes.c_size_t), _P(bpfx_file_info),
                                       _P(bpfx_error)]),
    "bpfx_merge_files": (ctypes.c_int, [_P(ctypes.c_char_p), ctypes.c_size_t, ctypes.c_char_p,
                                        _P(ctypes.c_uint64), _P(bpfx_error)]),
}
for _name, (_res, _args) in _DECLS.items():
    _f = getattr(lib, _name)
    _f.restype = _res
    _f.argtypes = _args


def take_string(ptr):
    """A malloc'd char * from libbpfx as str, freed."""
    if not ptr:
        return None
    try:
        return ctypes.string_at(ptr).decode("utf-8", "replace")
    finally:
        lib.bpfx_free(ptr)
