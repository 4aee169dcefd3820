"""TLS-PSK (``pskCallback``, ``pskIdentityHint``): against real Node's tls
across processes (tests/interop/psk_peer.js), and what a gnet program may do
that Node's cannot (a callback that blocks).

Across processes, no certificate anywhere: a Node client against a gnet
server and a gnet client against a Node server, under TLS 1.2 (a PSK cipher,
with an identity hint) and TLS 1.3 (Node's default ciphers, no hint), each
side sending SIZE bytes and checking the sha256 of what it received; then an
identity the server does not know, both ways. Events are waited for, never
slept on (the conftest deadline and psk_peer.js's guard only catch a hang).
"""
import shutil

import gevent
import gevent.event
import pytest

import gnet
import gnet.tls as tls
from tlshelpers import GNET_SEED, NODE_SEED, SIZE, NodePeer, exchange, expected_sha256

KEY = bytes.fromhex("d731ef57be09e5204f0b205b60627028")
IDENTITY = "gnet-client"
HINT = "gnet hint"

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")

#: (options for both sides, protocol, whether the server's hint reaches the client)
VERSIONS = [
    pytest.param({"ciphers": "PSK-AES128-GCM-SHA256", "maxVersion": "TLSv1.2"}, "TLSv1.2", True, id="tls1.2"),
    pytest.param({}, "TLSv1.3", False, id="tls1.3"),
]


class Node(NodePeer):
    """A psk_peer.js process whose JSON lines arrive as events."""

    script = "psk_peer.js"

    def __init__(self, **cfg):
        cfg.setdefault("key", KEY.hex())
        super().__init__(**cfg)


def facts(sock):
    return {"authorized": sock.authorized, "protocol": sock.getProtocol(),
            "cipher": sock.getCipher()["standardName"], "peerCertificate": sock.getPeerCertificate(),
            "reused": sock.isSessionReused()}


@needs_node
@pytest.mark.parametrize("opts, protocol, hint_sent", VERSIONS)
def test_node_psk_client_against_gnet_server_sends_and_receives(opts, protocol, hint_sent):
    identities, result = [], []

    def psk_callback(sock, identity):
        identities.append((identity, isinstance(sock, tls.TLSSocket)))
        return KEY

    def on_secure(sock):
        result.append(facts(sock))
        result.append(exchange(sock))
        sock.on("close", lambda *_: server.close())

    server = tls.createServer(dict(opts, pskCallback=psk_callback, pskIdentityHint=HINT, allowHalfOpen=True),
                              on_secure)
    closed = gevent.event.Event()
    server.on("close", closed.set)
    server.on("tlsClientError", lambda err, sock: result.append(err))
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    node = Node(mode="client", port=server.address()["port"], size=SIZE, seed=NODE_SEED, identity=IDENTITY, **opts)
    assert node.wait_for("psk") == {"hint": HINT if hint_sent else None}
    node_secure = node.wait_for("secure")
    node_done = node.wait_for("done", timeout=20)
    assert closed.wait(20)
    node.close()
    assert identities == [(IDENTITY, True)]
    mine = result[0]
    received, digest = result[1].get(timeout=1)
    assert mine["protocol"] == node_secure["protocol"] == protocol
    assert mine["cipher"] == node_secure["cipher"]
    if protocol == "TLSv1.2":
        assert mine["cipher"] == "TLS_PSK_WITH_AES_128_GCM_SHA256"
    assert mine["peerCertificate"] == node_secure["peerCertificate"] == {}
    assert mine["authorized"] is False and node_secure["authorized"] is True
    assert mine["reused"] is node_secure["reused"] is (protocol == "TLSv1.3")
    assert (received, digest) == (SIZE, expected_sha256(NODE_SEED, SIZE))
    assert node_done == {"received": SIZE, "sha256": expected_sha256(GNET_SEED, SIZE)}


@needs_node
@pytest.mark.parametrize("opts, protocol, hint_sent", VERSIONS)
def test_gnet_psk_client_against_node_server_sends_and_receives(opts, protocol, hint_sent):
    node = Node(mode="server", size=SIZE, seed=NODE_SEED, identity=IDENTITY, hint=HINT, **opts)
    port = node.wait_for("port")
    hints, result = [], []

    def psk_callback(hint):
        hints.append(hint)
        return {"psk": KEY, "identity": IDENTITY}

    client = tls.connect(dict(opts, port=port, host="127.0.0.1", pskCallback=psk_callback, allowHalfOpen=True,
                              checkServerIdentity=lambda *a: None))

    def on_secure():
        result.append(facts(client))
        result.append(exchange(client))

    client.on("secureConnect", on_secure)
    client.on("error", result.append)
    closed = gevent.event.Event()
    client.on("close", lambda *_: closed.set())
    assert closed.wait(20)
    received, digest = result[1].get(timeout=1)
    assert node.wait_for("psk") == {"identity": IDENTITY}
    node_secure = node.wait_for("secure")
    node_done = node.wait_for("done")
    node.close()
    assert hints == [HINT if hint_sent else None]
    mine = result[0]
    assert mine["protocol"] == node_secure["protocol"] == protocol
    assert mine["cipher"] == node_secure["cipher"]
    assert mine["peerCertificate"] == node_secure["peerCertificate"] == {}
    assert mine["authorized"] is True and node_secure["authorized"] is False
    assert (received, digest) == (SIZE, expected_sha256(NODE_SEED, SIZE))
    assert node_done == {"received": SIZE, "sha256": expected_sha256(GNET_SEED, SIZE)}


TLS12 = {"ciphers": "PSK-AES128-GCM-SHA256", "maxVersion": "TLSv1.2"}


@needs_node
def test_node_server_refuses_an_unknown_identity_from_a_gnet_client():
    node = Node(mode="server", size=0, seed=NODE_SEED, identity=IDENTITY, **TLS12)
    port = node.wait_for("port")
    errors = []
    client = tls.connect(dict(TLS12, port=port, host="127.0.0.1",
                              pskCallback=lambda hint: {"psk": KEY, "identity": "mallory"}))
    client.on("secureConnect", lambda: errors.append("secureConnect"))
    client.on("error", errors.append)
    closed = gevent.event.Event()
    client.on("close", lambda *_: closed.set())
    assert closed.wait(10)
    assert node.wait_for("psk") == {"identity": "mallory"}
    assert node.wait_for("tlsClientError") == "ERR_SSL_PSK_IDENTITY_NOT_FOUND"
    node.close()
    assert [getattr(e, "code", e) for e in errors] == ["ERR_SSL_TLSV1_ALERT_UNKNOWN_PSK_IDENTITY"]


@needs_node
def test_gnet_server_refuses_an_unknown_identity_from_a_node_client():
    client_errors = []
    server = tls.createServer(dict(TLS12, pskCallback=lambda sock, identity: KEY if identity == IDENTITY else None))
    server.on("secureConnection", lambda sock: client_errors.append("secureConnection"))
    server.on("tlsClientError", lambda err, sock: (client_errors.append(err.code), server.close()))
    closed = gevent.event.Event()
    server.on("close", closed.set)
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    node = Node(mode="client", port=server.address()["port"], size=0, seed=NODE_SEED, identity="mallory", **TLS12)
    assert node.wait_for("error") == "ERR_SSL_TLSV1_ALERT_UNKNOWN_PSK_IDENTITY"
    assert closed.wait(10)
    node.close()
    assert client_errors == ["ERR_SSL_PSK_IDENTITY_NOT_FOUND"]


# ----------------------------------------------------------------------
# gnet to gnet

def psk_pair(server_opts, client_opts, on_secure_connection=None):
    """A server and a client over TLS-PSK; the client's 'secureConnect' is awaited."""
    server = tls.createServer(server_opts, on_secure_connection)
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    opts = dict({"port": server.address()["port"], "host": "127.0.0.1", "checkServerIdentity": lambda *a: None},
                **client_opts)
    return server, opts


def test_a_server_psk_callback_that_blocks_holds_only_its_own_handshake():
    release = gevent.event.Event()

    def psk_callback(sock, identity):
        if identity == "slow":
            release.wait()      # a key looked up somewhere that takes its time
        return KEY

    server, opts = psk_pair({"pskCallback": psk_callback}, {})
    slow = tls.connect(dict(opts, pskCallback=lambda hint: {"psk": KEY, "identity": "slow"}))
    order = []
    slow.on("secureConnect", lambda: order.append("slow"))
    fast = tls.connect(dict(opts, pskCallback=lambda hint: {"psk": KEY, "identity": "fast"}))
    fast.on("secureConnect", lambda: order.append("fast"))
    gnet.once(fast, "secureConnect", timeout=5000)
    assert order == ["fast"] and not slow.destroyed
    release.set()
    gnet.once(slow, "secureConnect", timeout=5000)
    assert order == ["fast", "slow"]
    for sock in (slow, fast):
        sock.destroy()
    server.close()


def test_psk_options_in_pep8_spelling_and_callbacks_of_any_arity():
    calls = []

    def server_callback(sock):          # takes only the socket, as a JavaScript function may
        calls.append(isinstance(sock, tls.TLSSocket))
        return KEY

    server = tls.createServer(psk_callback=server_callback, psk_identity_hint=HINT, ciphers="PSK-AES128-GCM-SHA256")
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    client = tls.connect(server.address()["port"], "127.0.0.1", psk_callback=lambda: {"psk": KEY, "identity": "x"},
                         check_server_identity=lambda *a: None, ciphers="PSK-AES128-GCM-SHA256",
                         max_version="TLSv1.2")
    gnet.once(client, "secureConnect", timeout=5000)
    assert client.getProtocol() == "TLSv1.2" and calls == [True]
    client.destroy()
    server.close()


def test_a_coroutine_function_is_refused_as_psk_callback():
    async def psk_callback(*args):
        return KEY

    with pytest.raises(TypeError) as caught:
        tls.createServer(pskCallback=psk_callback)
    assert caught.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(TypeError) as caught:
        tls.connect(443, "127.0.0.1", pskCallback=psk_callback)
    assert caught.value.code == "ERR_INVALID_ARG_TYPE"


def test_starttls_upgrade_over_psk_with_gnet_on_both_sides():
    got = []

    def on_connection(raw):
        def on_line(line):
            assert line == b"STARTTLS\n"

            def upgrade(*_):
                sock = tls.TLSSocket(raw, {"isServer": True, "pskCallback": lambda s, identity: KEY,
                                           "pskIdentityHint": HINT, "ciphers": "PSK-AES128-GCM-SHA256"})
                sock.on("secure", lambda: got.append(("server secure", sock.getProtocol())))
                sock.on("data", lambda d: sock.end(b"PONG\n"))
                sock.on("close", lambda *_: server.close())
            raw.write(b"OK\n", upgrade)
        raw.once("data", on_line)

    server = gnet.createServer(on_connection)
    closed = gevent.event.Event()
    server.on("close", closed.set)
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)

    def client_psk(hint):
        got.append(("hint", hint))
        return {"psk": KEY, "identity": "upgraded"}

    def on_ok(line):
        got.append(("line", line))
        secure = tls.connect({"socket": raw, "pskCallback": client_psk, "ciphers": "PSK-AES128-GCM-SHA256",
                              "maxVersion": "TLSv1.2", "checkServerIdentity": lambda *a: None},
                             lambda: secure.write(b"PING\n"))
        secure.on("data", lambda d: got.append(("data", d)))

    raw = gnet.connect(server.address()["port"], "127.0.0.1", lambda: raw.write(b"STARTTLS\n"))
    raw.once("data", on_ok)
    assert closed.wait(10)
    assert got == [("line", b"OK\n"), ("hint", HINT), ("server secure", "TLSv1.2"), ("data", b"PONG\n")]


def test_a_tls12_renegotiation_asks_both_callbacks_again():
    identities = []

    def on_secure_connection(sock):
        sock.on("data", lambda d: sock.write(b"pong"))

    server, opts = psk_pair({"ciphers": "PSK-AES128-GCM-SHA256",
                             "pskCallback": lambda sock, identity: identities.append(identity) or KEY},
                            {}, on_secure_connection)
    count = []

    def client_psk(hint):
        count.append(hint)
        return {"psk": KEY, "identity": "id%d" % len(count)}

    client = tls.connect(dict(opts, ciphers="PSK-AES128-GCM-SHA256", maxVersion="TLSv1.2", pskCallback=client_psk))
    renegotiated = gevent.event.AsyncResult()
    client.once("secureConnect", lambda: client.renegotiate({}, renegotiated.set))
    assert renegotiated.get(timeout=5) is None
    client.write(b"ping")
    assert gnet.once(client, "data", timeout=5000) == [b"pong"]
    assert identities == ["id1", "id2"] and count == [None, None]
    client.destroy()
    server.close()


def test_set_secure_context_keeps_the_psk_callback():
    server, opts = psk_pair({"ciphers": "PSK-AES128-GCM-SHA256", "pskCallback": lambda sock, identity: KEY}, {})
    server.setSecureContext({"ciphers": "PSK-AES256-GCM-SHA384"})
    client = tls.connect(dict(opts, ciphers="PSK-AES256-GCM-SHA384", maxVersion="TLSv1.2",
                              pskCallback=lambda hint: {"psk": KEY, "identity": "x"}))
    gnet.once(client, "secureConnect", timeout=5000)
    assert client.getCipher()["name"] == "PSK-AES256-GCM-SHA384"
    client.destroy()
    server.close()


def test_a_client_callback_raising_during_an_upgrade_made_outside_any_listener_destroys_the_socket():
    server = gnet.createServer(lambda raw: raw.resume())
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    raw = gnet.connect(server.address()["port"], "127.0.0.1")
    gnet.once(raw, "connect", timeout=5000)

    class NoKey(Exception):
        code = "EXAMPLE"

    def psk_callback(hint):
        raise NoKey("no key")

    secure = tls.connect({"socket": raw, "pskCallback": psk_callback})     # TLS 1.3: asked at once
    assert secure.destroyed
    errors, closed = [], gevent.event.Event()
    secure.on("error", errors.append)
    secure.on("close", lambda *_: closed.set())
    assert closed.wait(5)
    assert [type(e) for e in errors] == [NoKey]
    server.close()


def test_a_connection_destroyed_while_its_psk_callback_blocks_ends_quietly():
    entered, release = gevent.event.Event(), gevent.event.Event()
    sockets = []

    def psk_callback(sock, identity):
        sockets.append(sock)
        entered.set()
        release.wait()
        return KEY

    server, opts = psk_pair({"pskCallback": psk_callback}, {})
    client = tls.connect(dict(opts, pskCallback=lambda hint: {"psk": KEY, "identity": "x"}))
    client_closed, server_closed = gevent.event.Event(), gevent.event.Event()
    client.on("error", lambda err: None)
    client.on("close", lambda *_: client_closed.set())
    assert entered.wait(5)
    (sock,) = sockets
    sock.on("close", lambda *_: server_closed.set())
    sock.destroy()
    release.set()
    assert server_closed.wait(5) and client_closed.wait(5)
    assert client.authorized is False
    server.close()
