# Cython declarations for handle.py (gnet/_build.py). In the compiled build
# StreamHandle is a cdef class: its fields, read many times per message, are
# C struct members rather than slot descriptors. Every field stays public and
# every method a Python method, so a Python subclass (gnet/tls/handle.py)
# overrides them as before.

from gnet.eventloop.loop cimport Served

cdef class StreamHandle(Served):
    cdef public object owner, sock, family, _gloop
    cdef public object _rwatch, _wwatch
    cdef public bint _rw_on, _ww_on, _read_ready, _write_ready
    cdef public bint reading, eof
    cdef public object buffer, timer
    cdef public object bytes_read, bytes_written
    cdef public bint _connecting, _abandoned
    cdef public object _wqueue, _shutdown_cb, _write_error, _mail
    cdef public bint _wake_scheduled
    cdef public object _ref
