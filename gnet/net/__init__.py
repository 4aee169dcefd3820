"""Node's ``net`` module: ``Socket`` over a handle (the descriptor's owner),
how a socket connects, ``Server``, the socket and server lifecycles, Node's
call forms and options, and addresses. Uses every layer below.
"""
