"""Renegotiation (TLS 1.2) against real Node, across processes
(tests/interop/tls_renegotiate_peer.js).

While a renegotiation is in progress OpenSSL refuses to encrypt
(``SSLWantReadError``): a write made then waits until a read has moved the
new handshake on. Both sides write CHUNKS writes of SIZE bytes while one side
renegotiates; every byte must arrive, in order (a sha256 of each side's
stream), and every write callback must be called.
"""
import hashlib
import shutil

import gevent
import gevent.event
import pytest

import gnet
import gnet.tls as tls
from tlshelpers import NodePeer, read

CHUNKS, SIZE = 200, 10000

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")


def stream_sha256():
    digest = hashlib.sha256()
    for n in range(1, CHUNKS + 1):
        digest.update(bytes([n & 255]) * SIZE)
    return digest.hexdigest()


class Node(NodePeer):
    """A tls_renegotiate_peer.js process whose JSON lines arrive as events."""

    script = "tls_renegotiate_peer.js"

    def __init__(self, **cfg):
        cfg.update(chunks=CHUNKS, size=SIZE)
        super().__init__(**cfg)


def exchange(sock, send=True):
    """gnet's side: CHUNKS writes, one per immediate (so that some meet the
    renegotiation), each with a callback; then end (without ``send``: only
    end, after the peer's end). Returns an AsyncResult of (bytes received,
    their sha256, callbacks called)."""
    state = {"received": 0, "hash": hashlib.sha256(), "n": 0, "callbacks": 0}
    done = gevent.event.AsyncResult()

    def on_data(data):
        state["hash"].update(data)
        state["received"] += len(data)

    def written(err=None):
        assert err is None
        state["callbacks"] += 1

    def pump():
        if state["n"] == CHUNKS:
            sock.end()
            return
        state["n"] += 1
        sock.write(bytes([state["n"] & 255]) * SIZE, written)
        gnet.setImmediate(pump)

    sock.on("data", on_data)
    sock.on("error", done.set_exception)
    sock.on("close", lambda *_: done.set((state["received"], state["hash"].hexdigest(), state["callbacks"])))
    if send:
        pump()
    else:
        sock.on("end", sock.end)
    return done


def test_writes_during_a_renegotiation_by_a_node_server_all_arrive(certdir):
    node = Node(mode="server", certs=certdir)
    port = node.wait_for("port")
    result = []
    client = tls.connect({"port": port, "host": "127.0.0.1", "ca": read(certdir, "ca.pem"),
                          "servername": "localhost", "allowHalfOpen": True},
                         lambda: result.append(exchange(client)))
    events = []
    client.on("secureConnect", lambda: events.append("secureConnect"))
    client.on("secure", lambda: events.append("secure"))
    closed = gevent.event.Event()
    client.on("close", lambda *_: closed.set())
    assert closed.wait(20)
    # As Node's: the new handshake is 'secure' again, after Node's own
    # listener has checked the server again and emitted 'secureConnect'.
    assert events == ["secureConnect", "secure"] * 2
    assert node.wait_for("renegotiate") is True
    assert node.wait_for("renegotiated") is None
    node_done = node.wait_for("done")
    node.close()
    assert result[0].get(timeout=1) == (CHUNKS * SIZE, stream_sha256(), CHUNKS)
    assert node_done == {"received": CHUNKS * SIZE, "sha256": stream_sha256(), "callbacks": CHUNKS}


def renegotiation_server(certdir, on_secure):
    server = tls.createServer({"key": read(certdir, "server-key.pem"), "cert": read(certdir, "server-cert.pem"),
                               "allowHalfOpen": True}, on_secure)
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    return server


def test_a_node_client_renegotiates_with_a_gnet_server_while_it_writes(certdir):
    # As a Node server, a gnet server lets a client renegotiate (OpenSSL 3
    # refuses it unless told to), and its socket emits 'secure' again. The
    # server does not write meanwhile: OpenSSL's client fails on application
    # data in the middle of the server's flights ("unexpected record"), with
    # a Node server as with gnet's.
    result, secure = [], []

    def on_secure(sock):
        sock.on("secure", lambda: secure.append(sock.getProtocol()))
        result.append(exchange(sock, send=False))
        sock.on("close", lambda *_: server.close())

    server = renegotiation_server(certdir, on_secure)
    node = Node(mode="client", certs=certdir, port=server.address()["port"])
    assert node.wait_for("renegotiate") is True
    assert node.wait_for("renegotiated") is None
    node_done = node.wait_for("done")
    node.close()
    assert result[0].get(timeout=5) == (CHUNKS * SIZE, stream_sha256(), 0)
    assert node_done == {"received": 0, "sha256": hashlib.sha256().hexdigest(), "callbacks": CHUNKS}
    assert secure == ["TLSv1.2"]


def test_more_renegotiations_than_the_limit_is_a_session_attack(certdir):
    errors, secure = [], []
    closed = gevent.event.Event()

    def on_secure(sock):
        sock.on("secure", lambda: secure.append(True))
        sock.resume()       # a paused socket reads nothing, the client's handshake messages neither

        def on_error(err):
            errors.append((err.code, str(err), sock.destroyed))
            sock.destroy()
        sock.on("error", on_error)
        sock.on("close", lambda *_: (server.close(), closed.set()))

    server = renegotiation_server(certdir, on_secure)
    node = Node(mode="client", certs=certdir, port=server.address()["port"], times=5)
    assert closed.wait(15)
    node.close()
    assert errors == [("ERR_TLS_SESSION_ATTACK", "TLS session renegotiation attack detected", False)]
    assert len(secure) == tls.CLIENT_RENEG_LIMIT


def test_disable_renegotiation_refuses_the_clients_renegotiation(certdir):
    errors = []
    closed = gevent.event.Event()

    def on_secure(sock):
        sock.disableRenegotiation()
        sock.resume()
        sock.on("secure", lambda: errors.append("secure"))

        def on_error(err):
            errors.append((err.code, str(err), sock.destroyed))
            sock.destroy()
        sock.on("error", on_error)
        sock.on("close", lambda *_: (server.close(), closed.set()))

    server = renegotiation_server(certdir, on_secure)
    node = Node(mode="client", certs=certdir, port=server.address()["port"])
    assert closed.wait(15)
    node.close()
    assert errors == [("ERR_TLS_RENEGOTIATION_DISABLED", "TLS session renegotiation disabled for this socket",
                       False)]


def test_a_gnet_server_renegotiates_while_a_node_client_writes(certdir):
    # renegotiate() from gnet's side, as a Node server's: it returns True,
    # the new handshake is 'secure' again on the server's socket and
    # callback(None) follows it; the Node client sees it as one (its
    # 'secure' again) and every byte it writes meanwhile arrives, in order.
    # The server does not write meanwhile: a Node server that renegotiates
    # while it writes fails a Node client the same way ("unexpected record").
    result, events = [], []

    def on_secure(sock):
        sock.on("secure", lambda: events.append("secure"))
        result.append(exchange(sock, send=False))
        sock.on("close", lambda *_: server.close())

        def renegotiated(err):
            events.append(("callback", err))
        events.append(("renegotiate", sock.renegotiate({}, renegotiated)))

    server = tls.createServer({"key": read(certdir, "server-key.pem"), "cert": read(certdir, "server-cert.pem"),
                               "allowHalfOpen": True, "maxVersion": "TLSv1.2"}, on_secure)
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    node = Node(mode="client", certs=certdir, port=server.address()["port"], passive=True)
    node_done = node.wait_for("done")
    node.close()
    assert result[0].get(timeout=5) == (CHUNKS * SIZE, stream_sha256(), 0)
    assert node_done == {"received": 0, "sha256": hashlib.sha256().hexdigest(), "callbacks": CHUNKS}
    assert events == [("renegotiate", True), "secure", ("callback", None)]
    assert [line for line in node.lines if "secure" in line] == [{"secure": "TLSv1.2"}]


def _tls13_pair(certdir):
    server = tls.createServer({"key": read(certdir, "server-key.pem"), "cert": read(certdir, "server-cert.pem")},
                              lambda sock: (sock.resume(), sock.on("end", sock.end)))
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    client = tls.connect({"port": server.address()["port"], "host": "127.0.0.1", "ca": read(certdir, "ca.pem"),
                          "servername": "localhost"})
    client.on("close", lambda *_: server.close())
    return server, client


def test_renegotiate_takes_its_options_as_keywords_in_either_spelling(certdir):
    server, client = _tls13_pair(certdir)
    gnet.once(client, "secureConnect", timeout=5000)
    errors = []
    assert client.renegotiate(reject_unauthorized=False, callback=errors.append) is False
    assert client.renegotiate({"requestCert": True}, errors.append, rejectUnauthorized=False) is False
    with pytest.raises(TypeError, match="rejectUnauthorised"):
        client.renegotiate(rejectUnauthorised=False)
    with pytest.raises(TypeError) as info:
        client.renegotiate()
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    client.end()
    gnet.once(client, "close", timeout=5000)
    assert [e.code for e in errors] == ["ERR_SSL_WRONG_SSL_VERSION"] * 2


def test_renegotiate_before_the_handshake_says_it_is_not_done(certdir):
    server, client = _tls13_pair(certdir)
    with pytest.raises(NotImplementedError, match="first handshake"):
        client.renegotiate({})
    client.destroy()
    gnet.once(client, "close", timeout=5000)


@pytest.mark.parametrize("side", ["client", "server"])
def test_renegotiate_from_a_plain_greenlet(certdir, side):
    # renegotiate() called outside gnet's callbacks (a gevent.spawn'ed
    # function): it returns True, and the new handshake is 'secure' again,
    # with its callback, as when called from a listener.
    events = []
    done = gevent.event.Event()
    sockets = {}

    def on_secure(sock):
        sockets["server"] = sock
        sock.on("end", sock.end)

    server = tls.createServer({"key": read(certdir, "server-key.pem"), "cert": read(certdir, "server-cert.pem"),
                               "maxVersion": "TLSv1.2"}, on_secure)
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    client = sockets["client"] = tls.connect({"port": server.address()["port"], "host": "127.0.0.1",
                                              "ca": read(certdir, "ca.pem"), "servername": "localhost"})
    client.resume()
    client.on("close", lambda *_: (server.close(), done.set()))
    gnet.once(client, "secureConnect", timeout=5000)

    def renegotiated(err):
        events.append(("callback", err))
        client.end()

    def renegotiate():
        sock = sockets[side]
        sock.on("secure", lambda: events.append("secure"))
        events.append(("renegotiate", sock.renegotiate({}, renegotiated)))

    gevent.spawn(renegotiate).join(5)
    assert done.wait(5)
    assert events == [("renegotiate", True), "secure", ("callback", None)]
