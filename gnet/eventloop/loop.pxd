# Cython declarations for loop.py (gnet/_build.py). In the compiled build
# Served (the base of a handle and of a Task) is a cdef class: its three
# fields are read by the service for every message.

cdef class Served:
    cdef public bint queued
    cdef public object parked
    cdef public object serving
