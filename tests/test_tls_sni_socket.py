"""SNI on a server-side TLSSocket made by hand (no tls.Server): its own
SNICallback runs where a tls.Server's does, in the certificate callback
(gnet/tls/sni.py ``load_sni``)."""

import gevent.event
import pytest

import gnet
import gnet.tls as tls
from tlshelpers import listen


def hand_made_server(certs, sni_callback, accepted=None):
    """A net.Server whose connections are wrapped in server-side TLSSockets
    with ``sni_callback``; each TLSSocket is appended to ``accepted``."""
    context = tls.createSecureContext({"key": certs("server-key.pem"), "cert": certs("server-cert.pem")})

    def on_connection(raw):
        sock = tls.TLSSocket(raw, {"isServer": True, "secureContext": context, "SNICallback": sni_callback})
        sock.on("error", lambda err: None)
        sock.on("secure", lambda: sock.end())
        if accepted is not None:
            accepted.append(sock)

    return gnet.createServer(on_connection)


def connect(certs, port, **opts):
    client = tls.connect(dict({"port": port, "host": "127.0.0.1", "ca": certs("ca.pem")}, **opts))
    client.on("error", lambda err: None)
    client.resume()
    return client


def wait_close(sock):
    closed = gevent.event.Event()
    sock.on("close", lambda *_: closed.set())
    assert closed.wait(10)


def test_a_hand_made_server_socket_serves_the_context_its_sni_callback_answers(certs):
    sni = tls.createSecureContext({"key": certs("sni-key.pem"), "cert": certs("sni-cert.pem")})
    asked, accepted = [], []

    def sni_callback(servername, callback):
        asked.append(servername)
        callback(None, sni)

    server = hand_made_server(certs, sni_callback, accepted)
    client = connect(certs, listen(server), servername="sni.example")
    gnet.once(client, "secureConnect", timeout=5000)
    assert asked == ["sni.example"]
    assert client.authorized is True
    assert client.getPeerCertificate()["subject"]["CN"] == "sni.example"
    assert accepted[0].getCertificate()["subject"]["CN"] == "sni.example"
    wait_close(client)
    server.close()


def test_a_hand_made_server_socket_asks_nothing_of_a_client_sending_no_name(certs):
    asked = []
    server = hand_made_server(certs, lambda servername, callback: asked.append(servername))
    client = connect(certs, listen(server), checkServerIdentity=lambda *a: None)
    gnet.once(client, "secureConnect", timeout=5000)
    assert asked == []
    assert client.getPeerCertificate()["subject"]["CN"] == "localhost"
    wait_close(client)
    server.close()


def test_a_blocking_sni_callback_of_a_hand_made_socket_holds_up_only_its_connection(certs):
    sni = tls.createSecureContext({"key": certs("sni-key.pem"), "cert": certs("sni-cert.pem")})
    release = gevent.event.Event()

    def sni_callback(servername, callback):
        if servername == "sni.example":
            release.wait(10)        # blocks this connection's greenlet only
        callback(None, sni)

    server = hand_made_server(certs, sni_callback)
    port = listen(server)
    waiting = connect(certs, port, servername="sni.example")
    secured = []
    waiting.on("secureConnect", lambda: secured.append(waiting.getPeerCertificate()["subject"]["CN"]))
    # Another client's SNICallback answers at once: it is served meanwhile.
    other = connect(certs, port, servername="other.example", checkServerIdentity=lambda *a: None)
    gnet.once(other, "secureConnect", timeout=5000)
    assert secured == []
    release.set()
    wait_close(waiting)
    assert secured == ["sni.example"]
    server.close()


@pytest.mark.parametrize("how", ["error", "raise", "twice"])
def test_an_sni_callback_failure_reaches_the_sockets_error_listener(certs, how):
    sni = tls.createSecureContext({"key": certs("sni-key.pem"), "cert": certs("sni-cert.pem")})
    context = tls.createSecureContext({"key": certs("server-key.pem"), "cert": certs("server-cert.pem")})

    class NoSuchHost(Exception):
        code = "EXAMPLE"

    def sni_callback(servername, callback):
        if how == "raise":
            raise NoSuchHost("thrown")
        if how == "error":
            callback(NoSuchHost("no such host"))
            return
        callback(None, sni)
        callback(None, sni)

    heard = []
    closed = gevent.event.Event()

    def on_connection(raw):
        sock = tls.TLSSocket(raw, {"isServer": True, "secureContext": context, "SNICallback": sni_callback})
        sock.on("error", lambda err: heard.append(("error", type(err).__name__, getattr(err, "code", None))))
        sock.on("close", lambda had_error: (heard.append(("close", had_error, raw.destroyed)), closed.set()))

    server = gnet.createServer(on_connection)
    client = tls.connect({"port": listen(server), "host": "127.0.0.1", "ca": certs("ca.pem"),
                          "servername": "sni.example"})
    client_errors = []
    client.on("error", client_errors.append)
    client.resume()
    assert closed.wait(10)
    wait_close(client)
    server.close()
    expected = {"error": ("NoSuchHost", "EXAMPLE"), "raise": ("NoSuchHost", "EXAMPLE"),
                "twice": ("ERR_MULTIPLE_CALLBACK", "ERR_MULTIPLE_CALLBACK")}[how]
    # No tls.Server to hear 'tlsClientError': the socket's own 'error', then
    # 'close' with the raw socket under it gone too.
    assert heard == [("error",) + expected, ("close", True, True)]
    # No alert: the client sees the connection go, not an OpenSSL alert error.
    assert [e.code for e in client_errors] == ["ECONNRESET"]


@pytest.mark.parametrize("value", ["x", 1, True, {}, []])
def test_an_sni_callback_that_is_no_function_is_thrown_by_the_constructor(certs, value):
    context = tls.createSecureContext({"key": certs("server-key.pem"), "cert": certs("server-cert.pem")})
    with pytest.raises(TypeError) as info:
        tls.TLSSocket(None, {"isServer": True, "secureContext": context, "SNICallback": value})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value).startswith('The "options.SNICallback" property must be of type function.')


def test_an_async_sni_callback_is_refused_by_the_constructor(certs):
    context = tls.createSecureContext({"key": certs("server-key.pem"), "cert": certs("server-cert.pem")})

    async def sni_callback(servername, callback):
        callback(None, None)

    with pytest.raises(TypeError) as info:
        tls.TLSSocket(None, {"isServer": True, "secureContext": context, "SNICallback": sni_callback})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


@pytest.mark.parametrize("value", [None, False, 0, ""])
def test_a_falsy_sni_callback_is_no_callback(certs, value):
    server = hand_made_server(certs, value)
    client = connect(certs, listen(server), servername="sni.example", checkServerIdentity=lambda *a: None)
    gnet.once(client, "secureConnect", timeout=5000)
    assert client.getPeerCertificate()["subject"]["CN"] == "localhost"
    wait_close(client)
    server.close()


def test_a_client_side_socket_does_not_read_sni_callback():
    tls.TLSSocket(None, {"isServer": False, "SNICallback": 5}).destroy()
