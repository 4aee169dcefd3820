"""Node's stream machinery as ``net.Socket`` inherits it: the readable half,
the writable half, ``Duplex`` joining them, destroy, ``for await`` and the
operators (``map``, ``toArray``...) with the object-mode Readable they return.
Uses ``gnet.eventloop`` and ``gnet.js``; knows nothing of sockets.
"""
