"""SNI on a tls.Server: SNICallback and addContext run where Node runs them,
in the certificate callback (gnet/tls/sni.py ``load_sni``)."""

import ssl

import gevent.event
import pytest

import gnet
import gnet.tls as tls
from tlshelpers import listen


def wait_close(sock):
    closed = gevent.event.Event()
    sock.on("close", lambda *_: closed.set())
    assert closed.wait(10)


def connect(certs, port, **opts):
    client = tls.connect(dict({"port": port, "host": "127.0.0.1", "ca": certs("ca.pem")}, **opts))
    client.on("error", lambda err: None)
    client.resume()
    return client


def test_a_blocking_sni_callback_holds_up_only_its_connection(certs):
    sni = tls.createSecureContext({"key": certs("sni-key.pem"), "cert": certs("sni-cert.pem")})
    release = gevent.event.Event()
    asked = []

    def sni_callback(servername, callback):
        asked.append(servername)
        release.wait(10)            # blocks this connection's greenlet only
        callback(None, sni)

    server = tls.createServer({"key": certs("server-key.pem"), "cert": certs("server-cert.pem"),
                               "SNICallback": sni_callback}, lambda s: s.end())
    port = listen(server)
    waiting = connect(certs, port, servername="sni.example")
    # A client that sends no name has no SNICallback call and goes on.
    other = connect(certs, port, checkServerIdentity=lambda *a: None)
    gnet.once(other, "secureConnect", timeout=5000)
    assert asked == ["sni.example"] and not waiting._secure_done
    release.set()
    gnet.once(waiting, "secureConnect", timeout=5000)
    assert waiting.getPeerCertificate()["subjectaltname"] == "DNS:sni.example"
    wait_close(waiting)
    server.close()


@pytest.mark.parametrize("version", ["TLSv1.2", "TLSv1.3"])
def test_a_resumed_session_calls_no_sni_callback_and_resumes_across_contexts(certs, version):
    sni = tls.createSecureContext({"key": certs("sni-key.pem"), "cert": certs("sni-cert.pem")})
    asked = []

    def sni_callback(servername, callback):
        asked.append(servername)
        callback(None, sni)

    server = tls.createServer({"key": certs("server-key.pem"), "cert": certs("server-cert.pem"),
                               "maxVersion": version, "SNICallback": sni_callback},
                              lambda s: s.on("data", lambda d: s.end(d)))
    port = listen(server)
    reused = []
    session = None
    for _ in range(2):
        client = connect(certs, port, servername="sni.example", session=session)
        kept = []
        client.on("session", kept.append)
        client.on("secureConnect", lambda c=client: (reused.append(c.isSessionReused()), c.write("ping")))
        wait_close(client)
        session = kept[-1] if kept else None
    server.close()
    # The ticket sealed after SNI gave another certificate opens on the
    # server's context: the session resumes, and SNI is not asked again.
    assert reused == [False, True]
    assert asked == ["sni.example"]


@pytest.mark.parametrize("how", ["error", "raise"])
def test_an_sni_callback_error_fails_the_handshake_without_an_alert(certs, how):
    class NoSuchHost(Exception):
        code = "EXAMPLE"

    def sni_callback(servername, callback):
        if how == "raise":
            raise NoSuchHost("thrown")
        callback(NoSuchHost("no such host"))

    server = tls.createServer({"key": certs("server-key.pem"), "cert": certs("server-cert.pem"),
                               "SNICallback": sni_callback}, lambda s: s.end())
    heard = []
    server.on("tlsClientError", lambda err, sock: heard.append((type(err), sock.destroyed)))
    port = listen(server)
    client = tls.connect({"port": port, "host": "127.0.0.1", "ca": certs("ca.pem"), "servername": "sni.example"})
    errors = []
    client.on("error", errors.append)
    client.resume()
    wait_close(client)
    server.close()
    assert heard == [(NoSuchHost, True)]
    # No alert: the client sees the connection go, not an OpenSSL alert error.
    assert [e.code for e in errors] == ["ECONNRESET"]


def served(certs, server, servername):
    """The certificate (its file's name) the server gives a client sending ``servername``."""
    port = listen(server)
    client = connect(certs, port, servername=servername, rejectUnauthorized=False)
    gnet.once(client, "secureConnect", timeout=5000)
    raw = client.getPeerCertificate()["raw"]
    client.destroy()
    server.close()
    for name in ("server", "sni", "client"):
        if raw == ssl.PEM_cert_to_DER_cert(certs(name + "-cert.pem").decode("ascii")):
            return name
    raise AssertionError("an unknown certificate")


@pytest.mark.parametrize("added, servername, expected", [
    # Node's RegExp is case-sensitive.
    ([("Example.COM", "sni")], "example.com", "server"),
    ([("Example.COM", "sni")], "Example.COM", "sni"),
    # '(', ')' and '|' keep their meaning; a top-level '|' splits the anchors.
    ([("(a|b).example", "sni")], "b.example", "sni"),
    ([("(a|b).example", "sni")], "(a|b).example", "server"),
    ([("a.example|b", "sni")], "zzb", "sni"),
    # '+', '?', '[', ']' and '.' are literal; '*' is one label.
    ([("a+.example", "sni")], "aa.example", "server"),
    ([("[ab].example", "sni")], "[ab].example", "sni"),
    ([("*.example", "sni")], "x.y.example", "server"),
    # Of two names that match, the one added last wins.
    ([("*.example", "sni"), ("a.example", "client")], "a.example", "client"),
    ([("a.example", "client"), ("*.example", "sni")], "a.example", "sni"),
])
def test_add_context_matches_as_nodes_regexp(certs, added, servername, expected):
    server = tls.createServer({"key": certs("server-key.pem"), "cert": certs("server-cert.pem")}, lambda s: s.end())
    for name, which in added:
        server.add_context(name, {"key": certs(which + "-key.pem"), "cert": certs(which + "-cert.pem")})
    assert served(certs, server, servername) == expected


@pytest.mark.parametrize("hostname, context, error, message", [
    ("", None, tls.errors.ERR_TLS_REQUIRED_SERVER_NAME, '"servername" is required parameter for Server.addContext'),
    (0, None, tls.errors.ERR_TLS_REQUIRED_SERVER_NAME, '"servername" is required parameter for Server.addContext'),
    (5, None, TypeError, "servername.replace is not a function"),
    ({}, None, TypeError, "servername.replace is not a function"),
    ("(a", None, SyntaxError, "Invalid regular expression: /^(a$/: Unterminated group"),
    ("a).(", None, SyntaxError, r"Invalid regular expression: /^a)\.($/: Unmatched ')'"),
    # The name is checked before the context.
    ("(", 5, SyntaxError, "Invalid regular expression: /^($/: Unterminated group"),
    ("a.example", 5, TypeError, 'The "options" argument must be of type object. Received type number (5)'),
    ("a.example", [], TypeError, 'The "options" argument must be of type object. Received an instance of Array'),
])
def test_add_context_bad_arguments_raise_nodes_error_and_add_nothing(certs, hostname, context, error, message):
    server = tls.createServer({"key": certs("server-key.pem"), "cert": certs("server-cert.pem")}, lambda s: s.end())
    with pytest.raises(error) as info:
        server.addContext(hostname, context)
    assert str(info.value) == message
    if "options" in message:
        assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert served(certs, server, "a.example") == "server"

