# Cython declarations for readable.py (gnet/_build.py): the compiled build
# makes _ReadableState a C struct whose fields compiled code reads directly.
# Every field stays public (readable and writable from Python), as the
# __slots__ class of the pure-Python build.

cdef class _ReadableState:
    cdef public list buffer
    cdef public Py_ssize_t length
    cdef public object high_water_mark     # a number as the caller gave it
    cdef public bint flowing, has_flowing, paused, has_paused
    cdef public bint ended, end_emitted, reading, sync
    cdef public bint need_readable, emitted_readable, readable_listening, resume_scheduled
    cdef public bint data_emitted, data_listening
    cdef public object decoder
    cdef public list pipes
    cdef public object await_drain          # None or a set
    cdef public bint readable
