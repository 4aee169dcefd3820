# Cython declarations for writable.py (gnet/_build.py): the compiled build
# makes _WritableState a C struct whose fields compiled code reads directly.
# Every field stays public, as the __slots__ class of the pure-Python build.

cdef class _WritableState:
    cdef public Py_ssize_t length
    cdef public object high_water_mark     # a number as the caller gave it
    cdef public list buffered
    cdef public bint writing, sync
    cdef public Py_ssize_t corked
    cdef public bint ending, ended, finished, final_called, prefinished, need_drain
    cdef public Py_ssize_t pendingcb
    cdef public object writecb
    cdef public Py_ssize_t writelen
    cdef public list on_finished
    cdef public bint after_write_pending
    cdef public object after_write_info
    cdef public bint writable
    cdef public object default_encoding
    cdef public bint buffer_processing
