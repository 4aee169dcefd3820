"""``TLSSocket(raw, {'isServer': True, 'server': emitter})`` made by hand: the
emitter's 'resumeSession', 'newSession' and 'OCSPRequest' listeners serve the
socket as Node's ``_init`` wires them (gnet/tls/socket.py
``_take_server_option``). Node's traces for these: its lib/_tls_wrap.js
loadSession, onnewsession and requestOCSP, checked with node v20."""

import gevent.event

import gnet
import gnet.tls as tls
from tlshelpers import listen


def serve(certs, emitter, log, after_wrap=None):
    """A net.Server wrapping each connection in a server-side TLSSocket whose
    ``server`` option is ``emitter``; the socket's events go to ``log``."""
    context = tls.createSecureContext({"key": certs("server-key.pem"), "cert": certs("server-cert.pem")})
    closed = gevent.event.Event()

    def on_connection(raw):
        sock = tls.TLSSocket(raw, {"isServer": True, "server": emitter, "secureContext": context})
        if after_wrap is not None:
            after_wrap()
        sock.on("secure", lambda: (log.append("secure"), sock.end()))
        sock.on("error", lambda err: log.append(("error", err)))
        sock.on("close", lambda *_: closed.set())

    server = gnet.createServer(on_connection)
    port = listen(server)
    client = tls.connect({"port": port, "host": "127.0.0.1", "ca": certs("ca.pem"), "servername": "localhost",
                          "requestOCSP": True, "maxVersion": "TLSv1.3"})
    client.on("error", lambda err: None)
    client.resume()
    return server, client, closed


def test_an_error_from_resume_session_is_the_hand_made_sockets_error(certs):
    # Node's loadSession: owner.destroy(err); no tls.Server hears it.
    emitter = tls.createServer()
    log, problem = [], RuntimeError("nope")
    emitter.on("resumeSession", lambda session_id, cb: (log.append("resumeSession"), cb(problem)))
    emitter.on("tlsClientError", lambda *args: log.append("tlsClientError"))
    server, client, closed = serve(certs, emitter, log)
    assert closed.wait(10)
    assert log == ["resumeSession", ("error", problem)]
    server.close()


def test_a_plain_emitter_as_server_hears_new_sessions_but_no_ocsp_request(certs):
    # Node's requestOCSP needs the tls.Server's own context (_sharedCreds):
    # a net.Server has none, so the handshake goes on without asking it.
    emitter = gnet.createServer()
    log = []

    def new_session(session_id, data, cb):
        log.append("newSession")
        cb()

    emitter.on("OCSPRequest", lambda *args: log.append("OCSPRequest"))
    emitter.on("newSession", new_session)
    server, client, closed = serve(certs, emitter, log)
    assert closed.wait(10)
    assert log[0] == "secure"
    assert "OCSPRequest" not in log
    assert log.count("newSession") == 2         # TLS 1.3's two tickets, after 'secure'
    server.close()


def test_listeners_added_after_the_socket_is_made_are_not_asked(certs):
    # Node reads the server's listener counts once, in the constructor.
    emitter = tls.createServer()
    log = []

    def add_listeners():
        for event in ("resumeSession", "newSession", "OCSPRequest"):
            emitter.on(event, lambda *args, event=event: log.append(event))

    server, client, closed = serve(certs, emitter, log, after_wrap=add_listeners)
    assert closed.wait(10)
    assert log == ["secure"]
    server.close()


def test_the_server_option_is_the_sockets_server(certs):
    emitter = tls.createServer()
    assert tls.TLSSocket(None, {"isServer": True, "server": emitter}).server is emitter
    assert tls.TLSSocket(None, {"server": emitter}).server is emitter
    assert tls.TLSSocket(None, {"isServer": True}).server is None
