"""A seccomp filter that takes the network away from a process: ``socket()`` and ``connect()`` fail with EPERM.

Installed by :mod:`kg.sandbox` in the processes that run users' queries, so that no query can make the server
send a request, whatever a parser made of the query. Linux on x86-64 and arm64; elsewhere it reports that it
could not install itself and the guard's parse is the only wall.
"""

from __future__ import annotations

import ctypes
import os
import platform
import struct
from collections.abc import Callable

# seccomp: (audit arch, socket nr, connect nr) of the architectures the filter knows.
_SYSCALLS = {"x86_64": (0xC000003E, 41, 42), "aarch64": (0xC00000B7, 198, 203)}
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_RET_ALLOW, _RET_ERRNO_EPERM, _RET_KILL = 0x7FFF0000, 0x00050000 | 1, 0
_X32_SYSCALL_BIT = 0x40000000


def network_filter() -> bytes | None:
    """A seccomp BPF program refusing ``socket()`` and ``connect()`` on this machine, or None if unknown here."""
    arch = _SYSCALLS.get(platform.machine())
    if arch is None or not hasattr(os, "fork") or platform.system() != "Linux":
        return None
    audit_arch, socket_nr, connect_nr = arch
    ld_w_abs, jeq_k, jge_k, ret_k = 0x20, 0x15, 0x35, 0x06

    def op(code: int, jt: int, jf: int, k: int) -> bytes:
        return struct.pack("HBBI", code, jt, jf, k)

    return b"".join(
        [
            op(ld_w_abs, 0, 0, 4),  # seccomp_data.arch
            op(jeq_k, 1, 0, audit_arch),
            op(ret_k, 0, 0, _RET_KILL),  # another ABI (32-bit calls on a 64-bit kernel): no way round the filter
            op(ld_w_abs, 0, 0, 0),  # seccomp_data.nr
            op(jge_k, 3, 0, _X32_SYSCALL_BIT),
            op(jeq_k, 2, 0, socket_nr),
            op(jeq_k, 1, 0, connect_nr),
            op(ret_k, 0, 0, _RET_ALLOW),
            op(ret_k, 0, 0, _RET_ERRNO_EPERM),
        ]
    )


def deny_network() -> bool:
    """Make every later ``socket()``/``connect()`` of this process fail with EPERM; False where unsupported."""
    program = network_filter()
    if program is None:
        return False
    prctl = _prctl()
    buffer = ctypes.create_string_buffer(program)
    fprog = struct.pack("HxxxxxxP", len(program) // 8, ctypes.addressof(buffer))
    fprog_buffer = ctypes.create_string_buffer(fprog)
    if prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(fprog_buffer), 0, 0) == 0


def _prctl() -> Callable[..., int]:
    """libc's prctl with its arguments declared as unsigned longs (ctypes would pass a pointer as a C int)."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl.restype = ctypes.c_int
    return prctl
