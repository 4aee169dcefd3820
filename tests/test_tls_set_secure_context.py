"""server.setSecureContext(options) replaces the context as Node's does
(compat: tls/set_secure_context_replaces_options)."""
import gevent.event
import pytest

import gnet
import gnet.tls as tls
from tlshelpers import read


def client_verified(server, certdir):
    out = []
    done = gevent.event.Event()
    server.once("secureConnection", lambda sock: (out.append(sock.authorized), sock.end()))
    sock = tls.connect({"port": server.address()["port"], "host": "127.0.0.1", "ca": read(certdir, "ca.pem"),
                        "key": read(certdir, "client-key.pem"), "cert": read(certdir, "client-cert.pem")})
    sock.resume()
    sock.on("close", lambda *_: done.set())
    assert done.wait(10)
    return out[0]


def test_a_ca_left_out_of_set_secure_context_is_no_longer_trusted(certdir):
    key, crt, ca = read(certdir, "server-key.pem"), read(certdir, "server-cert.pem"), read(certdir, "ca.pem")
    server = tls.createServer({"key": key, "cert": crt, "ca": ca, "requestCert": True, "rejectUnauthorized": False,
                               "sessionTimeout": 100})
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    assert client_verified(server, certdir) is True
    keys = server.getTicketKeys()
    server.setSecureContext({"key": key, "cert": crt})
    assert client_verified(server, certdir) is False      # requestCert stayed, the ca went
    assert server.sessionTimeout == 100                    # kept, as Node keeps it
    server.setSecureContext({"key": key, "cert": crt, "ca": ca})
    assert client_verified(server, certdir) is True
    assert len(server.getTicketKeys()) == 48 and keys
    server.close()


def test_set_secure_context_needs_an_options_object():
    server = tls.createServer()
    for bad in (None, "x"):
        with pytest.raises(TypeError) as info:
            server.setSecureContext(bad)
        assert info.value.code == "ERR_INVALID_ARG_TYPE"
