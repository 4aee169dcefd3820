"""gnet.tls against real Node's tls, across processes (tests/interop/tls_peer.js).

- a gnet client against a Node server, and a Node client against a gnet
  server: mutual TLS (each side checks the other's certificate), SNI choosing
  between two certificates (``sni.example`` gets the second), ALPN, and
  ``SIZE`` bytes each way with a sha256 of what each side received;
- a STARTTLS upgrade of a line protocol, with gnet on either side.

The Node process's output is read by a greenlet; everything waits on events
(the conftest deadline and tls_peer.js's guard only catch a hang). The
exchange is tests/tlshelpers.py's and tests/interop/exchange.js's.
"""
import os
import shutil

import gevent
import gevent.event
import pytest

import gnet
import gnet.tls as tls
from tlshelpers import GNET_SEED, NODE_SEED, SIZE, NodePeer, exchange, expected_sha256

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")


class Node(NodePeer):
    """A tls_peer.js process whose JSON lines arrive as events, read by a greenlet."""

    script = "tls_peer.js"


def test_gnet_client_against_node_server_mtls_sni_alpn_and_a_large_transfer(certdir):
    node = Node(mode="server", certs=certdir, size=SIZE, seed=NODE_SEED)
    port = node.wait_for("port")
    read = lambda name: open(os.path.join(certdir, name), "rb").read()
    result = []
    client = tls.connect({"port": port, "host": "127.0.0.1", "ca": read("ca.pem"), "servername": "sni.example",
                          "key": read("client-key.pem"), "cert": read("client-cert.pem"),
                          "ALPNProtocols": ["http/1.1", "h2"], "allowHalfOpen": True})

    def on_secure():
        result.append((client.authorized, client.getPeerCertificate()["subject"]["CN"], client.alpnProtocol))
        result.append(exchange(client))

    client.on("secureConnect", on_secure)
    closed = gevent.event.Event()
    client.on("close", lambda *_: closed.set())
    assert closed.wait(20)
    received, digest = result[1].get(timeout=1)
    node_secure = node.wait_for("secure")
    node_done = node.wait_for("done")
    node.close()
    assert result[0] == (True, "sni.example", "h2")
    assert node_secure["authorized"] is True and node_secure["peerCN"] == "gnet test client"
    assert node_secure["servername"] == "sni.example" and node_secure["alpn"] == "h2"
    assert (received, digest) == (SIZE, expected_sha256(NODE_SEED, SIZE))
    assert node_done == {"received": SIZE, "sha256": expected_sha256(GNET_SEED, SIZE)}


def test_node_client_against_gnet_server_mtls_sni_alpn_and_a_large_transfer(certdir):
    read = lambda name: open(os.path.join(certdir, name), "rb").read()
    result = []

    def on_secure(sock):
        result.append((sock.authorized, sock.getPeerCertificate()["subject"]["CN"], sock.servername,
                       sock.alpnProtocol))
        result.append(exchange(sock))
        sock.on("close", lambda *_: server.close())

    server = tls.createServer({"key": read("server-key.pem"), "cert": read("server-cert.pem"),
                               "ca": read("ca.pem"), "requestCert": True, "ALPNProtocols": ["h2", "http/1.1"],
                               "allowHalfOpen": True},
                              on_secure)
    server.addContext("sni.example", {"key": read("sni-key.pem"), "cert": read("sni-cert.pem"), "ca": read("ca.pem")})
    closed = gevent.event.Event()
    server.on("close", closed.set)
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    node = Node(mode="client", certs=certdir, port=server.address()["port"], size=SIZE, seed=NODE_SEED)
    node_secure = node.wait_for("secure")
    node_done = node.wait_for("done", timeout=20)
    assert closed.wait(20)
    node.close()
    received, digest = result[1].get(timeout=1)
    assert result[0] == (True, "gnet test client", "sni.example", "h2")
    assert node_secure["authorized"] is True and node_secure["peerCN"] == "sni.example"
    assert node_secure["alpn"] == "h2"
    assert (received, digest) == (SIZE, expected_sha256(NODE_SEED, SIZE))
    assert node_done == {"received": SIZE, "sha256": expected_sha256(GNET_SEED, SIZE)}


def test_starttls_gnet_client_node_server(certdir):
    read = lambda name: open(os.path.join(certdir, name), "rb").read()
    node = Node(mode="starttls-server", certs=certdir)
    port = node.wait_for("port")
    got = []
    done = gevent.event.Event()
    raw = gnet.connect(port, "127.0.0.1", lambda: raw.write(b"STARTTLS\n"))

    def on_ok(line):
        got.append(line)
        secure = tls.connect({"socket": raw, "ca": read("ca.pem"), "servername": "localhost"},
                             lambda: secure.write(b"PING\n"))
        secure.on("data", got.append)
        secure.on("close", lambda *_: done.set())

    raw.once("data", on_ok)
    assert done.wait(15)
    assert node.wait_for("secure")["protocol"] == "TLSv1.3"
    node.wait_for("done")
    node.close()
    assert got == [b"OK\n", b"PONG\n"]


def test_starttls_node_client_gnet_server(certdir):
    read = lambda name: open(os.path.join(certdir, name), "rb").read()
    secured = []

    def on_connection(raw):
        def on_line(line):
            assert line == b"STARTTLS\n"

            def upgrade(*_):
                sock = tls.TLSSocket(raw, {"isServer": True, "key": read("server-key.pem"),
                                           "cert": read("server-cert.pem")})
                sock.on("secure", lambda: secured.append(sock.getProtocol()))
                sock.on("data", lambda d: sock.end(b"PONG\n") if d == b"PING\n" else None)
                sock.on("close", lambda *_: server.close())
            raw.write(b"OK\n", upgrade)
        raw.once("data", on_line)

    server = gnet.createServer(on_connection)
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    node = Node(mode="starttls-client", certs=certdir, port=server.address()["port"])
    assert node.wait_for("secure") == {"authorized": True}
    assert node.wait_for("done") == {"got": "PONG\n"}
    node.close()
    assert secured == ["TLSv1.3"]
