"""The lifecycle tables, driven without sockets (gnet/net/lifecycle.py)."""
import itertools

import pytest

from gnet.net.lifecycle import (
    SERVER_TABLE, SOCKET_FLAGS, SOCKET_TABLE, ServerState, SocketState, advance,
)

S, V = SocketState, ServerState
SOCKET_TRIGGERS = sorted({trigger for _, trigger in SOCKET_TABLE})
SERVER_TRIGGERS = sorted({trigger for _, trigger in SERVER_TABLE})


@pytest.mark.parametrize("path, end", [
    (["connect", "connected", "end_emitted", "finish_emitted", "destroy", "close"], S.CLOSED),
    (["connect", "connected", "finish_emitted", "end_emitted", "destroy", "close"], S.CLOSED),
    (["opened", "end_emitted", "destroy", "close"], S.CLOSED),
    (["connect", "destroy", "close", "connect", "connected"], S.OPEN),
    (["destroy", "close"], S.CLOSED),
    (["connect", "connected", "destroy", "connect"], S.CONNECTING),
])
def test_socket_paths_node_allows_end_where_expected(path, end):
    state = S.PENDING
    for trigger in path:
        state = advance(state, trigger)
    assert state is end


def test_close_comes_only_after_destroy_and_only_once():
    for state in S:
        if state is S.DESTROYED:
            assert advance(state, "close") is S.CLOSED
        elif state is S.CONNECTING:
            # the 'close' of a connection destroyed right before connect() again
            assert advance(state, "close") is S.CONNECTING
        else:
            with pytest.raises(AssertionError):
                advance(state, "close")


def test_end_and_finish_cannot_repeat():
    for trigger in ("end_emitted", "finish_emitted"):
        state = advance(advance(S.PENDING, "opened"), trigger)
        with pytest.raises(AssertionError):
            advance(state, trigger)


def test_every_live_state_can_be_destroyed_and_nothing_after_close_but_connect():
    for state in S:
        if state in (S.DESTROYED, S.CLOSED):
            continue
        assert advance(state, "destroy") is S.DESTROYED
    for trigger in SOCKET_TRIGGERS:
        if trigger != "connect":
            with pytest.raises(AssertionError):
                advance(S.CLOSED, trigger)


def test_an_illegal_pair_is_a_gnet_bug_not_a_node_error():
    illegal = [(s, t) for s, t in itertools.product(S, SOCKET_TRIGGERS) if (s, t) not in SOCKET_TABLE]
    assert illegal
    for state, trigger in illegal:
        with pytest.raises(AssertionError, match="illegal transition"):
            advance(state, trigger)


def test_flags_cover_every_socket_state():
    assert set(SOCKET_FLAGS) == set(S)
    assert [s for s in S if SOCKET_FLAGS[s][0]] == [S.CONNECTING]
    assert [s for s in S if s.connected] == [S.OPEN, S.READ_ENDED, S.WRITE_ENDED, S.ENDED]
    assert [s for s in S if s.destroyed] == [S.DESTROYED, S.CLOSED]
    for state, flags in SOCKET_FLAGS.items():
        assert (state.connecting, state.connected, state.destroyed) == flags


def test_server_listen_close_drain_and_listen_again():
    state = V.IDLE
    for trigger, expected in [("listen", V.LISTENING), ("close", V.CLOSING), ("drained", V.CLOSED),
                              ("listen", V.LISTENING)]:
        state = advance(state, trigger)
        assert state is expected
    with pytest.raises(AssertionError):
        advance(V.LISTENING, "listen")
    assert set(SERVER_TRIGGERS) >= {"listen", "close", "drained"}
