"""The lifecycle of a socket and of a server: states, legal transitions, no I/O.

Rules
-----
- A socket's lifecycle is one value, ``Socket._state``, and it changes only
  through ``advance(state, trigger)`` with a trigger from the table below. A
  pair missing from the table is a gnet bug, raised as ``AssertionError``;
  user mistakes (write after end, listen twice) are caught before the machine
  is asked, with Node's error code.
- The socket's stream halves keep Node's own finer bookkeeping (how much is
  buffered, whether 'end' is still on its way; gnet/_stream.py); the machine
  records the facts that decide which calls are legal and which events may
  still come: connected or not, each direction ended or not, destroyed,
  closed. 'end', 'finish' and 'close' are each emitted on one transition, so
  none can repeat, and 'close' comes last.
- ``readyState``, ``pending`` and ``connecting`` are read from the state in
  ``SOCKET_FLAGS`` (see also gnet/socket.py for the properties).

Socket::

    PENDING -connect-> CONNECTING -connected-> OPEN
    OPEN -end_emitted-> READ_ENDED       OPEN -finish_emitted-> WRITE_ENDED
    READ_ENDED -finish_emitted-> ENDED   WRITE_ENDED -end_emitted-> ENDED
    any state before DESTROYED -destroy-> DESTROYED -close-> CLOSED
    CLOSED/DESTROYED -connect-> CONNECTING   (socket.connect() again, as Node allows;
                                              the old handle's 'close' still comes)

Server::

    IDLE -listen-> LISTENING -close-> CLOSING -drained-> CLOSED -listen-> LISTENING
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
    (S.DESTROYED, "close"): S.CLOSED,
}
for _state in _LIVE:
    SOCKET_TABLE[(_state, "destroy")] = S.DESTROYED
# 'finish' can follow 'end' and destroy() can follow both within one tick;
# a transition that arrives after destroy() leaves the state where it is.
for _trigger in ("end_emitted", "finish_emitted"):
    SOCKET_TABLE[(S.DESTROYED, _trigger)] = S.DESTROYED

V = ServerState
SERVER_TABLE = {
    (V.IDLE, "listen"): V.LISTENING,
    (V.CLOSED, "listen"): V.LISTENING,
    (V.LISTENING, "close"): V.CLOSING,
    (V.CLOSING, "drained"): V.CLOSED,
}

#: Node-visible flags of each socket state: (connecting, has a connection).
SOCKET_FLAGS = {
    S.PENDING: (False, False),
    S.CONNECTING: (True, False),
    S.OPEN: (False, True),
    S.READ_ENDED: (False, True),
    S.WRITE_ENDED: (False, True),
    S.ENDED: (False, True),
    S.DESTROYED: (False, False),
    S.CLOSED: (False, False),
}


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
