"""A secure context is freed as soon as nothing holds it, not when Python's
cycle collector next runs: a program making many contexts (tls.connect with
a secureContext per connection, as Node's own tls.connect makes one) does
not grow with their OpenSSL contexts and trust stores. What a context is for
still works from the native context alone (``secureContext.context``), as
an SNICallback may answer it."""

import contextlib
import gc
import ssl
import weakref

import gevent.event
import pytest

import gnet.tls as tls
from gnet.tls import _openssl
from tlshelpers import listen


@contextlib.contextmanager
def no_cycle_collector():
    """What is freed here is freed by its last reference going, not by the collector."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def wait_close(sock):
    closed = gevent.event.Event()
    sock.on("close", lambda *_: closed.set())
    assert closed.wait(10)


def test_a_secure_context_and_its_native_contexts_are_freed_on_del(certs):
    with no_cycle_collector():
        context = tls.createSecureContext({"key": certs("server-key.pem"), "cert": certs("server-cert.pem")})
        sides = [context.ssl_context(False), context.ssl_context(True)]
        addresses = [_openssl._core.ctx_of(side) for side in sides]
        refs = [weakref.ref(context)] + [weakref.ref(side) for side in sides]
        del context, sides
        assert [ref() for ref in refs] == [None, None, None]
        # gnet's tables kept by OpenSSL context went with them.
        assert not any(address in _openssl.sessions._ticket_keys for address in addresses)


def test_a_client_connections_context_is_freed_when_it_closes_and_is_dropped(certs):
    server = tls.createServer({"key": certs("server-key.pem"), "cert": certs("server-cert.pem"),
                               "requestCert": True, "rejectUnauthorized": False}, lambda s: s.end())
    port = listen(server)
    with no_cycle_collector():
        context = tls.createSecureContext({"ca": certs("ca.pem"), "key": certs("client-key.pem"),
                                           "cert": certs("client-cert.pem")})
        native = weakref.ref(context.context)
        client = tls.connect({"port": port, "host": "127.0.0.1", "servername": "localhost",
                              "secureContext": context})
        del context         # the connection holds what it uses
        seen = []
        client.on("secureConnect", lambda: seen.append((client.authorized, client.getCertificate()["subject"]["CN"])))
        client.resume()
        wait_close(client)
        assert native() is not None
        del client
        assert native() is None
    server.close()
    assert seen == [(True, "gnet test client")]


@pytest.mark.parametrize("answer", ["native", "object"])
def test_an_sni_callback_answering_a_native_context_alone_serves_all_of_it(certs, answer):
    # The SecureContext is gone; its native context gives the server its
    # certificate and key, its trust (the client's certificate is checked
    # against its ca, which the server's own context lacks), and the same
    # server side each time (the session resumes, SNI is not asked again).
    context = tls.createSecureContext({"key": certs("sni-key.pem"), "cert": certs("sni-cert.pem"),
                                       "ca": certs("ca.pem")})
    native = context.context
    gone = weakref.ref(context)
    del context
    gc.collect()
    assert gone() is None
    asked = []

    def sni_callback(servername, callback):
        asked.append(servername)
        callback(None, native if answer == "native" else {"context": native})

    authorized = []
    server = tls.createServer({"key": certs("server-key.pem"), "cert": certs("server-cert.pem"),
                               "requestCert": True, "rejectUnauthorized": False, "maxVersion": "TLSv1.2",
                               "SNICallback": sni_callback},
                              lambda s: (authorized.append(s.authorized), s.end()))
    port = listen(server)
    served, reused = [], []
    session = None
    for _ in range(2):
        client = tls.connect({"port": port, "host": "127.0.0.1", "servername": "sni.example",
                              "ca": certs("ca.pem"), "key": certs("client-key.pem"),
                              "cert": certs("client-cert.pem"), "session": session})
        kept = []
        client.on("session", kept.append)
        client.on("secureConnect", lambda c=client: (
            reused.append(c.isSessionReused()),
            served.append((c.authorized, None if c.isSessionReused() else c.getPeerCertificate()["raw"]))))
        client.resume()
        wait_close(client)
        session = kept[-1] if kept else None
    server.close()
    sni_der = ssl.PEM_cert_to_DER_cert(certs("sni-cert.pem").decode("ascii"))
    assert served == [(True, sni_der), (True, None)]
    assert authorized == [True, True]
    assert reused == [False, True]
    assert asked == ["sni.example"]


def test_a_servers_ticket_keys_outlive_the_context_it_was_made_with(certs):
    keys = bytes(range(48))
    # The server holds its context's server side only: the keys come from it.
    server = tls.createServer({"key": certs("server-key.pem"), "cert": certs("server-cert.pem"), "ticketKeys": keys})
    gc.collect()
    assert server.getTicketKeys() == keys
    server.setTicketKeys(bytes(48))
    assert server.getTicketKeys() == bytes(48)
