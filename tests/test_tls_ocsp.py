"""OCSP stapling ('OCSPRequest', 'OCSPResponse', ``requestOCSP``): against real
Node's tls across processes (tests/interop/ocsp_peer.js), and what a gnet
program may do that Node's cannot (a listener that blocks, a callback called
from any greenlet).

Across processes, TLS 1.2 and 1.3: a Node client with ``requestOCSP``
against a gnet server, and a gnet client against a Node server. The stapled
response is arbitrary bytes (neither Node nor OpenSSL parses it), 10 KiB
with every byte value in it; each side checks the
certificate and issuer the server's 'OCSPRequest' gets, and that the response
arrives whole, before the handshake is done. Then nothing stapled, and a
callback that fails the handshake, both ways. Events are waited for, never
slept on (the conftest deadline and ocsp_peer.js's guard only catch a hang).
"""
import shutil
import ssl

import gevent
import gevent.event
import pytest

import gnet
import gnet.tls as tls
from tlshelpers import NodePeer, read
from gnet.tls import _openssl

#: A response no OCSP parser would take: every byte value, 10 KiB (OpenSSL's
#: client takes a TLS 1.2 CertificateStatus message of 16 KiB at most).
RESPONSE = bytes(range(256)) * 40

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
VERSIONS = [pytest.param("TLSv1.2", id="tls1.2"), pytest.param("TLSv1.3", id="tls1.3")]


def der(certdir, name):
    return ssl.PEM_cert_to_DER_cert(read(certdir, name).decode())


class Node(NodePeer):
    """An ocsp_peer.js process whose JSON lines arrive as events."""

    script = "ocsp_peer.js"

    def keys(self):
        return [next(iter(line)) for line in self.lines]


def gnet_server(certdir, version, on_request, **extra):
    """A gnet server for one connection (the leaf and the CA as its chain,
    ``sni.example`` through addContext); ``result`` collects what it hears."""
    result = []

    def on_secure(sock):
        result.append(("secureConnection", sock.getProtocol()))
        sock.end()
        server.close()

    server = tls.createServer(dict({"key": read(certdir, "server-key.pem"), "cert": read(certdir, "server-chain.pem"),
                                    "maxVersion": version}, **extra), on_secure)
    server.addContext("sni.example", {"key": read(certdir, "sni-key.pem"), "cert": read(certdir, "sni-cert.pem")})
    server.on("OCSPRequest", on_request)

    def on_client_error(err, sock):
        result.append(("tlsClientError", err))
        server.close()

    server.on("tlsClientError", on_client_error)
    closed = gevent.event.Event()
    server.on("close", closed.set)
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    return server, result, closed


@needs_node
@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("servername, cert_name", [("localhost", "server-cert.pem"), ("sni.example", "sni-cert.pem")])
def test_node_client_gets_the_response_a_gnet_server_staples(certdir, version, servername, cert_name):
    requests = []

    def on_request(certificate, issuer, callback):
        requests.append((certificate, issuer))
        callback(None, RESPONSE)

    server, result, closed = gnet_server(certdir, version, on_request)
    node = Node(mode="client", certs=certdir, port=server.address()["port"], maxVersion=version,
                servername=servername)
    ocsp = node.wait_for("ocsp")
    secure = node.wait_for("secure")
    node.wait_for("closed")
    assert closed.wait(10)
    node.close()
    assert ocsp == {"response": RESPONSE.hex(), "secureConnecting": True}
    assert node.keys().index("ocsp") < node.keys().index("secure")
    assert secure == {"protocol": version, "authorized": True}
    # The certificate SNI chose; its issuer from the chain given as cert
    # (the SNI context has no chain and no ca: none).
    issuer = der(certdir, "ca.pem") if cert_name == "server-cert.pem" else None
    assert requests == [(der(certdir, cert_name), issuer)]
    assert result == [("secureConnection", version)]


@needs_node
@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("servername, cert_name", [("localhost", "server-cert.pem"), ("sni.example", "sni-cert.pem")])
def test_gnet_client_gets_the_response_a_node_server_staples(certdir, version, servername, cert_name):
    node = Node(mode="server", certs=certdir, maxVersion=version, answer="response", response=RESPONSE.hex())
    port = node.wait_for("port")
    events = []
    client = tls.connect({"port": port, "host": "127.0.0.1", "ca": read(certdir, "ca.pem"), "servername": servername,
                          "requestOCSP": True})
    client.on("OCSPResponse", lambda response: events.append(("OCSPResponse", response, client.secureConnecting)))

    def on_secure():
        events.append(("secureConnect", client.authorized, client.getProtocol()))
        client.end()

    client.on("secureConnect", on_secure)
    client.on("error", lambda err: events.append(("error", err)))
    client.resume()
    gnet.once(client, "close", timeout=10000)
    request = node.wait_for("request")
    assert node.wait_for("secure") == {"protocol": version}
    node.close()
    assert events == [("OCSPResponse", RESPONSE, True), ("secureConnect", True, version)]
    issuer = der(certdir, "ca.pem").hex() if cert_name == "server-cert.pem" else None
    assert request == {"certificate": der(certdir, cert_name).hex(), "issuer": issuer}


@needs_node
@pytest.mark.parametrize("version", VERSIONS)
def test_node_client_hears_null_when_a_gnet_server_staples_nothing(certdir, version):
    server, result, closed = gnet_server(certdir, version, lambda certificate, issuer, callback: callback(None, None))
    node = Node(mode="client", certs=certdir, port=server.address()["port"], maxVersion=version)
    assert node.wait_for("ocsp") == {"response": None, "secureConnecting": True}
    assert node.wait_for("secure")["protocol"] == version
    node.wait_for("closed")
    assert closed.wait(10)
    node.close()


@needs_node
@pytest.mark.parametrize("version", VERSIONS)
def test_gnet_client_hears_none_when_a_node_server_staples_nothing(certdir, version):
    node = Node(mode="server", certs=certdir, maxVersion=version, answer="nothing")
    port = node.wait_for("port")
    responses = []
    client = tls.connect({"port": port, "host": "127.0.0.1", "ca": read(certdir, "ca.pem"),
                          "servername": "localhost", "requestOCSP": True}, lambda: client.end())
    client.on("OCSPResponse", responses.append)
    client.resume()
    gnet.once(client, "close", timeout=10000)
    assert node.wait_for("secure") == {"protocol": version}
    node.close()
    assert responses == [None]


@needs_node
def test_a_gnet_servers_failing_callback_resets_a_node_client(certdir):
    class NoResponder(Exception):
        code = "NO_RESPONDER"

    def on_request(certificate, issuer, callback):
        callback(NoResponder("no OCSP responder"))

    server, result, closed = gnet_server(certdir, "TLSv1.3", on_request)
    node = Node(mode="client", certs=certdir, port=server.address()["port"])
    assert node.wait_for("failed") == "ECONNRESET"
    node.wait_for("closed")
    assert closed.wait(10)
    node.close()
    assert [(name, type(err)) for name, err in result] == [("tlsClientError", NoResponder)]
    assert "ocsp" not in node.keys()


@needs_node
def test_a_node_servers_failing_callback_resets_a_gnet_client(certdir):
    node = Node(mode="server", certs=certdir, answer="error")
    port = node.wait_for("port")
    events = []
    client = tls.connect({"port": port, "host": "127.0.0.1", "ca": read(certdir, "ca.pem"),
                          "servername": "localhost", "requestOCSP": True})
    client.on("OCSPResponse", lambda response: events.append(("OCSPResponse", response)))
    client.on("secureConnect", lambda: events.append("secureConnect"))
    client.on("error", lambda err: events.append(("error", err.code)))
    closed = gevent.event.Event()
    client.on("close", lambda *_: closed.set())
    assert closed.wait(10)
    assert node.wait_for("tlsClientError") == "no OCSP responder"     # a plain Error: its message
    node.close()
    assert events == [("error", "ECONNRESET")]


def test_a_blocking_request_listener_holds_only_its_own_handshake(certdir):
    """A gnet listener may block (here until another connection is secure):
    that handshake waits, the other goes on."""
    other_secure = gevent.event.Event()
    order = []

    def on_request(certificate, issuer, callback):
        order.append("request")
        other_secure.wait()
        order.append("answered")
        callback(None, b"after the other")

    def on_secure(sock):
        sock.end()

    server = tls.createServer({"key": read(certdir, "server-key.pem"), "cert": read(certdir, "server-cert.pem")},
                              on_secure)
    server.on("OCSPRequest", on_request)
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    opts = {"port": server.address()["port"], "host": "127.0.0.1", "ca": read(certdir, "ca.pem"),
            "servername": "localhost"}
    asking = tls.connect(dict(opts, requestOCSP=True))
    asking.on("OCSPResponse", lambda response: order.append(response))
    asking.on("secureConnect", lambda: order.append("asking secure"))
    asking.resume()

    def start_other():
        other = tls.connect(opts)

        def on_other_secure():
            order.append("other secure")
            other_secure.set()
        other.on("secureConnect", on_other_secure)
        other.resume()

    # The other connects as the first one's listener is about to block.
    server.prependOnceListener("OCSPRequest", lambda *_: start_other())
    gnet.once(asking, "close", timeout=10000)
    server.close()
    assert order == ["request", "other secure", "answered", b"after the other", "asking secure"]


@pytest.mark.parametrize("response", [bytearray(b"staple"), memoryview(b"staple")], ids=["bytearray", "memoryview"])
def test_callback_called_from_a_plain_greenlet_staples_any_buffer(certdir, response):
    """The callback may come from any greenlet, not only a gnet listener or
    timer, with any buffer; the handshake goes on."""
    def on_request(certificate, issuer, callback):
        gevent.spawn(callback, None, response)

    server = tls.createServer({"key": read(certdir, "server-key.pem"), "cert": read(certdir, "server-cert.pem")},
                              lambda sock: sock.end())
    server.on("OCSPRequest", on_request)
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    events = []
    client = tls.connect({"port": server.address()["port"], "host": "127.0.0.1", "ca": read(certdir, "ca.pem"),
                          "servername": "localhost", "request_ocsp": True})
    client.on("OCSPResponse", events.append)
    client.on("secureConnect", lambda: events.append("secureConnect"))
    client.resume()
    gnet.once(client, "close", timeout=10000)
    server.close()
    assert events == [b"staple", "secureConnect"]


def test_a_request_made_through_a_socket_option_is_answered(certdir):
    """tls.connect over a connected gnet Socket (the ``socket`` option) asks
    for the staple too, as Node's _start does for it."""
    server = tls.createServer({"key": read(certdir, "server-key.pem"), "cert": read(certdir, "server-cert.pem")},
                              lambda sock: sock.end())
    server.on("OCSPRequest", lambda certificate, issuer, callback: callback(None, b"upgraded"))
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    raw = gnet.connect(server.address()["port"], "127.0.0.1")
    gnet.once(raw, "connect", timeout=5000)
    events = []
    client = tls.connect({"socket": raw, "ca": read(certdir, "ca.pem"), "servername": "localhost",
                          "requestOCSP": True})
    client.on("OCSPResponse", events.append)
    client.on("secureConnect", lambda: events.append("secureConnect"))
    client.resume()
    gnet.once(client, "close", timeout=10000)
    server.close()
    assert events == [b"upgraded", "secureConnect"]


def test_tls_socket_made_directly_does_not_ask_for_a_staple(certdir):
    """As Node's: only tls.connect asks (its _start); ``new TLSSocket(socket,
    {requestOCSP: true})`` sends no status request."""
    requests = []
    server = tls.createServer({"key": read(certdir, "server-key.pem"), "cert": read(certdir, "server-cert.pem")},
                              lambda sock: sock.end())
    server.on("OCSPRequest", lambda *args: requests.append(args))
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    raw = gnet.connect(server.address()["port"], "127.0.0.1")
    gnet.once(raw, "connect", timeout=5000)
    responses = []
    client = tls.TLSSocket(raw, {"requestOCSP": True, "ca": read(certdir, "ca.pem")})
    client.on("OCSPResponse", responses.append)
    client.resume()
    gnet.once(client, "close", timeout=10000)
    server.close()
    assert requests == [] and responses == []


def test_connections_leave_nothing_behind_in_the_openssl_layer(certdir):
    """What the OpenSSL layer keeps per connection (the paused handshake, the
    staple, the client's sink) goes with the connection, however it ends."""
    from gnet.tls._openssl import ocsp

    answers = iter([b"one", None, Exception("refused")])

    def on_request(certificate, issuer, callback):
        answer = next(answers)
        if isinstance(answer, Exception):
            callback(answer)
        else:
            callback(None, answer)

    server = tls.createServer({"key": read(certdir, "server-key.pem"), "cert": read(certdir, "server-cert.pem")},
                              lambda sock: sock.end())
    server.on("OCSPRequest", on_request)
    server.on("tlsClientError", lambda *_: None)
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    closed = []
    for _ in range(3):
        client = tls.connect({"port": server.address()["port"], "host": "127.0.0.1", "ca": read(certdir, "ca.pem"),
                              "servername": "localhost", "requestOCSP": True})
        client.on("error", lambda err: None)
        client.resume()
        done = gevent.event.Event()
        client.on("close", lambda *_: done.set())
        assert done.wait(10)
        closed.append(client)
    server.close()
    gnet.once(server, "close", timeout=5000)
    assert (ocsp._cert_waits, ocsp._staples, ocsp._response_sinks) == ({}, {}, {})


def test_ocsp_layer_is_available_on_this_interpreter():
    assert _openssl.available, _openssl.why_unavailable
