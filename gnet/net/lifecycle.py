"""The lifecycle of a socket and of a server: states, legal transitions, no I/O.

Rules
-----
- A socket's lifecycle is one value, ``Socket._state``, and it changes only
  through ``advance(state, trigger)`` with a trigger from the table below. A
  pair missing from the table is a gnet bug, raised as ``AssertionError``;
  user mistakes (write after end, listen twice) are caught before the machine
  is asked, with Node's error code.
- What the socket's table covers: whether it is connecting, connected,
  which direction has ended ('end', 'finish' emitted), destroyed, closed
  ('close' emitted). ``Socket._advance`` is the only writer of
  ``Socket._state``, and it keeps ``Socket._destroyed`` (Node's
  ``destroyed``) equal to the state's. 'end', 'finish' and 'close' are each
  emitted on their transition, so none can repeat, and 'close' comes last.
- What it does not cover: the stream halves keep Node's own finer
  bookkeeping (gnet/streams/duplex.py: how much is buffered, whether 'end' is on
  its way, whether ``end()`` was called); ``readyState``, ``readable`` and
  ``writable`` are read from those, as Node reads them. The descriptor's
  facts (reading, EOF seen, a connect in flight) are the handle's
  (gnet/net/handle.py).
- Each state's Node-visible flags are in ``SOCKET_FLAGS`` and on the state
  itself (``state.connecting``, ``state.connected``, ``state.destroyed``):
  ``Socket.connecting``, ``pending`` and ``destroyed`` read them.

Socket::

    PENDING -connect-> CONNECTING -connected-> OPEN
    OPEN -end_emitted-> READ_ENDED       OPEN -finish_emitted-> WRITE_ENDED
    READ_ENDED -finish_emitted-> ENDED   WRITE_ENDED -end_emitted-> ENDED
    any state before DESTROYED -destroy-> DESTROYED -close-> CLOSED
    CLOSED/DESTROYED -connect-> CONNECTING   (socket.connect() again, as Node allows;
    CONNECTING -close-> CONNECTING            a connection destroyed just before it
                                              still emits its 'close', during the next
                                              connect: compat socket/reconnect_before_close)

Server::

    IDLE -listen-> LISTENING -close-> CLOSING -drained-> CLOSED -listen-> LISTENING
    CLOSING -listen-> LISTENING   (listen() again before 'close': Node emits that
                                   'close' while listening anew; compat
                                   server/listen_again_in_same_tick_as_close)
    (a listen() that fails leaves the state where it was: 'error' is emitted,
    nothing was bound)
"""

import enum

__all__ = ["SocketState", "ServerState", "advance", "members", "SOCKET_FLAGS", "SOCKET_TABLE",
           "SERVER_TABLE"]


class SocketState(enum.Enum):
    PENDING = "pending"          # no connection yet, never asked for one
    CONNECTING = "connecting"    # lookup or connect in flight
    OPEN = "open"                # connected, both directions open
    READ_ENDED = "read_ended"    # 'end' emitted: the peer will send nothing more
    WRITE_ENDED = "write_ended"  # 'finish' emitted: our side is shut down
    ENDED = "ended"              # both
    DESTROYED = "destroyed"      # destroy() ran; 'close' is on its way
    CLOSED = "closed"            # 'close' emitted


class ServerState(enum.Enum):
    IDLE = "idle"
    LISTENING = "listening"
    CLOSING = "closing"          # not accepting; waiting for connections to end
    CLOSED = "closed"


def members(enum_cls):
    """``enum_cls``'s members as plain class attributes, for code that compares
    states on every message: reading ``SocketState.OPEN`` goes through an Enum
    descriptor (about 45 ns on Python 3.11), a plain class attribute does not."""
    return type(enum_cls.__name__ + "Members", (), {m.name: m for m in enum_cls})


S = SocketState
_LIVE = (S.PENDING, S.CONNECTING, S.OPEN, S.READ_ENDED, S.WRITE_ENDED, S.ENDED)

SOCKET_TABLE = {
    (S.PENDING, "connect"): S.CONNECTING,
    (S.CLOSED, "connect"): S.CONNECTING,
    # connect() again right after destroy(), before the old handle's 'close'.
    (S.DESTROYED, "connect"): S.CONNECTING,
    (S.CONNECTING, "connected"): S.OPEN,
    (S.OPEN, "end_emitted"): S.READ_ENDED,
    (S.WRITE_ENDED, "end_emitted"): S.ENDED,
    (S.OPEN, "finish_emitted"): S.WRITE_ENDED,
    (S.READ_ENDED, "finish_emitted"): S.ENDED,
    # A socket made from an fd or accepted by a server is open from the start.
    (S.PENDING, "opened"): S.OPEN,
    # A socket that never connected reads what it wraps (readable.wrap()) and
    # ends when that does; it still has no connection (compat: streams/wrap_*).
    (S.PENDING, "end_emitted"): S.PENDING,
    (S.DESTROYED, "close"): S.CLOSED,
    # destroy() then connect() at once: the first connection's 'close' comes
    # while the second is connecting, as in Node (compat: socket/reconnect_before_close).
    (S.CONNECTING, "close"): S.CONNECTING,
}
for _state in _LIVE:
    SOCKET_TABLE[(_state, "destroy")] = S.DESTROYED
# Node emits 'end' and 'finish' after destroy() while 'close' has not come yet
# (destroy() without an error, in the same tick as the peer's FIN or end()):
# they change nothing then.
for _trigger in ("end_emitted", "finish_emitted"):
    SOCKET_TABLE[(S.DESTROYED, _trigger)] = S.DESTROYED

V = ServerState
SERVER_TABLE = {
    (V.IDLE, "listen"): V.LISTENING,
    (V.CLOSED, "listen"): V.LISTENING,
    (V.LISTENING, "close"): V.CLOSING,
    (V.CLOSING, "drained"): V.CLOSED,
    # listen() again before the old listener's 'close' (same tick as close(), or
    # while connections drain): Node listens at once and still emits that 'close',
    # whose callback runs (compat: server/listen_again_in_same_tick_as_close).
    (V.CLOSING, "listen"): V.LISTENING,
}

#: Node-visible flags of each socket state: (connecting, connected, destroyed).
#: ``connected``: it has a handle with a connection (Node's ``pending`` is its opposite).
SOCKET_FLAGS = {
    S.PENDING: (False, False, False),
    S.CONNECTING: (True, False, False),
    S.OPEN: (False, True, False),
    S.READ_ENDED: (False, True, False),
    S.WRITE_ENDED: (False, True, False),
    S.ENDED: (False, True, False),
    S.DESTROYED: (False, False, True),
    S.CLOSED: (False, False, True),
}
for _state, _flags in SOCKET_FLAGS.items():
    _state.connecting, _state.connected, _state.destroyed = _flags


# Each state's own transitions, by trigger: ``advance`` runs several times per
# connection, and an Enum member's hash is a Python-level call.
for _table in (SOCKET_TABLE, SERVER_TABLE):
    for (_state, _trigger), _after in _table.items():
        _state.__dict__.setdefault("_next", {})[_trigger] = _after


def advance(state, trigger):
    """The state after ``trigger``; an illegal pair is a gnet bug."""
    try:
        return state._next[trigger]
    except (KeyError, AttributeError):
        raise AssertionError("illegal transition: %s on %r" % (state, trigger)) from None
