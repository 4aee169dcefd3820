"""gnet.tls session tickets as Node makes them: ``sessionTimeout``, ``ticketKeys``,
``server.getTicketKeys()``/``setTicketKeys()``.

The orders and errors are pinned against Node by compat/scenarios/tls/session_timeout_*
and ticket_keys_*; these tests check what a user relies on: the lifetime a
server gives its sessions, and tickets that resume across servers, gnet's and
Node's, sharing the same 48 bytes.
"""
import os

import gevent.event
import pytest

import gnet
import gnet.tls as tls
from compat import tls_certs


@pytest.fixture(scope="module")
def certdir(tmp_path_factory):
    return tls_certs.write(str(tmp_path_factory.mktemp("tls-ticket-certs")))


@pytest.fixture
def certs(certdir):
    def read(name):
        with open(os.path.join(certdir, name), "rb") as f:
            return f.read()
    return read


@pytest.fixture
def server_opts(certs):
    return {"key": certs("server-key.pem"), "cert": certs("server-cert.pem")}


def listen(server):
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    return server.address()["port"]


def run_until(emitter, event, timeout=10000):
    done = gevent.event.Event()
    emitter.once(event, lambda *_: done.set())
    assert done.wait(timeout / 1000.0), "no %r within %d ms" % (event, timeout)


def echo_server(opts):
    """A server that echoes the first chunk and ends; it records whether each connection resumed."""
    def secure(sock):
        server.reused.append(sock.isSessionReused())
        sock.on("data", lambda d: sock.end(d))
    server = tls.createServer(opts, secure)
    server.reused = []
    return server


def ping(port, certs, version, session=None):
    """One client connection that writes 'ping' and reads the echo; returns
    (whether it resumed, the session read at 'end')."""
    opts = {"ca": certs("ca.pem"), "maxVersion": version, "servername": "localhost"}
    if session is not None:
        opts["session"] = session
    client = tls.connect(port, "127.0.0.1", opts)
    facts = {}
    client.on("secureConnect", lambda: (facts.setdefault("reused", client.isSessionReused()),
                                        client.write(b"ping")))
    client.on("end", lambda: facts.setdefault("session", client.getSession()))
    client.resume()
    run_until(client, "close")
    return facts["reused"], facts["session"]


# ----------------------------------------------------------------------
# sessionTimeout

@pytest.mark.parametrize("bad, code", [("300", "ERR_INVALID_ARG_TYPE"), (-1, "ERR_OUT_OF_RANGE"),
                                       (1.5, "ERR_OUT_OF_RANGE"), (2 ** 31, "ERR_OUT_OF_RANGE")])
def test_a_bad_session_timeout_is_nodes_error(bad, code):
    for make in (tls.createSecureContext, tls.createServer):
        with pytest.raises(gnet.NodeError) as info:
            make({"sessionTimeout": bad})
        assert info.value.code == code


def test_a_server_keeps_a_truthy_session_timeout_only():
    assert tls.createServer({"sessionTimeout": 30}).session_timeout == 30
    assert tls.createServer({"session_timeout": 0}).sessionTimeout is None


def test_a_session_older_than_the_session_timeout_does_not_resume(certs, server_opts):
    server = echo_server(dict(server_opts, maxVersion="TLSv1.2", sessionTimeout=1))
    port = listen(server)
    _, session = ping(port, certs, "TLSv1.2")
    assert ping(port, certs, "TLSv1.2", session)[0] is True
    # OpenSSL counts whole seconds: one second of lifetime is over within two.
    expired = gevent.event.Event()
    gnet.setTimeout(expired.set, 2100)
    expired.wait(5)
    assert ping(port, certs, "TLSv1.2", session)[0] is False
    server.close()
    assert server.reused == [False, True, False]
