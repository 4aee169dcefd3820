"""getCertificate(): the certificate this end of the connection holds, as
Node reads it (SSL_get_certificate), not the one its first context was made with."""

import gevent.event
import pytest

import gnet.tls as tls
from tlshelpers import listen


def served_certificate(certs, server, **client_opts):
    """What the server's socket's getCertificate() says once secure, and once closed."""
    seen = []
    closed = gevent.event.Event()

    def on_secure(sock):
        seen.append(sock.getCertificate())
        sock.on("close", lambda *_: (seen.append(sock.getCertificate()), closed.set()))
        sock.end()

    server.on("secureConnection", on_secure)
    port = listen(server)
    client = tls.connect(dict({"port": port, "host": "127.0.0.1", "ca": certs("ca.pem")}, **client_opts))
    client.on("error", lambda err: None)
    client.resume()
    assert closed.wait(10)
    server.close()
    return seen


@pytest.mark.parametrize("how", ["SNICallback", "addContext"])
def test_a_server_connection_reports_the_certificate_sni_chose(certs, how):
    opts = {"key": certs("server-key.pem"), "cert": certs("server-cert.pem")}
    if how == "SNICallback":
        sni = tls.createSecureContext({"key": certs("sni-key.pem"), "cert": certs("sni-cert.pem")})
        opts["SNICallback"] = lambda servername, callback: callback(None, sni)
    server = tls.createServer(opts)
    if how == "addContext":
        server.addContext("sni.example", {"key": certs("sni-key.pem"), "cert": certs("sni-cert.pem")})
    secure, closed = served_certificate(certs, server, servername="sni.example")
    assert secure["subjectaltname"] == "DNS:sni.example"
    assert closed is None


def test_a_server_with_two_keys_reports_the_one_the_cipher_chose(certs):
    server = tls.createServer({"key": [certs("server-key.pem"), certs("rsa-server-key.pem")],
                               "cert": [certs("server-cert.pem"), certs("rsa-server-cert.pem")]})
    secure, _ = served_certificate(certs, server, maxVersion="TLSv1.2", ciphers="ECDHE-RSA-AES128-GCM-SHA256")
    assert "modulus" in secure          # the RSA certificate, loaded second


def test_a_client_reports_its_context_certificate_from_the_start(certs):
    context = tls.createSecureContext({"key": certs("client-key.pem"), "cert": certs("client-cert.pem")})
    unconnected = tls.TLSSocket(None, {"secureContext": context})
    assert unconnected.getCertificate()["subjectaltname"] == "email:client@gnet.test"
    assert tls.TLSSocket(None).getCertificate() == {}
    unconnected.destroy()
    assert unconnected.getCertificate() is None
