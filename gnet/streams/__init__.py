"""Node's stream machinery in byte mode, as ``net.Socket`` inherits it: the
readable half, the writable half, and ``Duplex`` joining them with destroy.
Uses ``gnet.eventloop`` and ``gnet.js``; knows nothing of sockets.
"""
