"""'keylog' (and 'session') as a user relies on them: every connection's key
log lines reach its listeners, however many contexts came and went before it,
and a TLS 1.2 renegotiation's lines come too, before its 'secure'.

Event orders against Node are pinned by compat/scenarios/tls/keylog_* and
renegotiate_*; these tests check what a long-lived program would notice.
"""
import gc
import weakref

import gevent.event

import gnet
import gnet.tls as tls
from tlshelpers import listen

#: More contexts than gnet's cache of client contexts holds (64): each is
#: freed once its connection is, and a new one may be allocated at its address.
MANY = 100


def label(line):
    return line.split(b" ", 1)[0].decode()


def test_every_connection_of_many_contexts_gets_its_keylog_lines_and_session(certs):
    # One connection per context, in sequence: each context is freed with its
    # connection, and OpenSSL often allocates the next one at the same address.
    server = tls.createServer({"key": certs("server-key.pem"), "cert": certs("server-cert.pem"),
                               "maxVersion": "TLSv1.2"}, lambda sock: sock.end())
    port = listen(server)
    rounds = []
    gc.disable()            # each context goes with its last reference, not with the collector
    try:
        for _ in range(MANY):
            secure_context = tls.createSecureContext({"ca": certs("ca.pem")})
            context = weakref.ref(secure_context.context)
            client = tls.connect({"port": port, "host": "127.0.0.1", "servername": "localhost",
                                  "secureContext": secure_context})
            del secure_context
            lines, sessions = [], []
            client.on("keylog", lambda line: lines.append(label(line)))
            client.on("session", sessions.append)
            client.resume()
            closed = gevent.event.Event()
            client.on("close", lambda *_: closed.set())
            assert closed.wait(5)
            del client
            rounds.append((lines, len(sessions), context() is None))
    finally:
        gc.enable()
    server.close()
    assert rounds == [(["CLIENT_RANDOM"], 1, True)] * MANY


def test_a_renegotiation_emits_its_keylog_lines_before_its_secure(certs):
    # Both ends: the client that renegotiates, and the server's 'keylog'.
    server_events = []

    def on_secure(sock):
        sock.on("secure", lambda: server_events.append("secure"))
        sock.on("end", sock.end)

    server = tls.createServer({"key": certs("server-key.pem"), "cert": certs("server-cert.pem"),
                               "maxVersion": "TLSv1.2"}, on_secure)
    server.on("keylog", lambda line, sock: server_events.append(label(line)))
    port = listen(server)
    client = tls.connect({"port": port, "host": "127.0.0.1", "ca": certs("ca.pem"), "servername": "localhost"})
    events = []
    client.on("keylog", lambda line: events.append(label(line)))
    client.on("secure", lambda: events.append("secure"))

    def renegotiated(err):
        events.append(("callback", err))
        client.end()

    def on_secure_connect():
        if not events.count("secure"):
            events.append(("renegotiate", client.renegotiate({}, renegotiated)))
    client.once("secureConnect", on_secure_connect)
    client.resume()
    gnet.once(client, "close", timeout=5000)
    server.close()
    assert events == ["CLIENT_RANDOM", ("renegotiate", True), "secure", "CLIENT_RANDOM", "secure",
                      ("callback", None)]
    assert server_events == ["CLIENT_RANDOM", "CLIENT_RANDOM", "secure"]
