"""gnet.tls session tickets as Node makes them: ``sessionTimeout``, ``ticketKeys``,
``server.getTicketKeys()``/``setTicketKeys()``.

The orders and errors are pinned against Node by compat/scenarios/tls/session_timeout_*
and ticket_keys_*; these tests check what a user relies on: the lifetime a
server gives its sessions, and tickets that resume across servers, gnet's and
Node's, sharing the same 48 bytes.
"""

import gevent.event
import pytest

import gnet
import gnet.tls as tls
from tlshelpers import listen, run_until


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


# ----------------------------------------------------------------------
# ticketKeys: the same tickets as Node's, across processes

KEYS = bytes(range(1, 49))
#: Sessions are tied to the server's session id context; Node's default is
#: made from its command line, so both sides name one.
SID_CTX = "gnet-ticket-test"

NODE_SERVER = r"""
const tls = require('tls');
const fs = require('fs');
const [dir, version, keysHex, sidCtx] = process.argv.slice(1);
const server = tls.createServer({ key: fs.readFileSync(dir + '/server-key.pem'),
                                  cert: fs.readFileSync(dir + '/server-cert.pem'), maxVersion: version,
                                  ticketKeys: Buffer.from(keysHex, 'hex'), sessionIdContext: sidCtx },
  (s) => s.on('data', (d) => s.end(d)));
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.stdin.on('end', () => server.close());
process.stdin.resume();
"""


@pytest.fixture
def node_server(certdir):
    """Start a Node tls server with KEYS; yields its port."""
    import shutil
    import gevent.subprocess
    if shutil.which("node") is None:
        pytest.skip("needs node")
    procs = []

    def start(version):
        proc = gevent.subprocess.Popen(["node", "-e", NODE_SERVER, certdir, version, KEYS.hex(), SID_CTX],
                                       stdin=gevent.subprocess.PIPE, stdout=gevent.subprocess.PIPE)
        procs.append(proc)
        return int(proc.stdout.readline())
    yield start
    for proc in procs:
        proc.stdin.close()
        proc.wait(timeout=10)
        assert proc.returncode == 0


@pytest.mark.parametrize("version", ["TLSv1.2", "TLSv1.3"])
def test_tickets_resume_between_node_and_gnet_servers_with_the_same_ticket_keys(
        certs, server_opts, node_server, version):
    node_port = node_server(version)
    server = echo_server(dict(server_opts, maxVersion=version, ticketKeys=KEYS, sessionIdContext=SID_CTX))
    port = listen(server)
    assert server.getTicketKeys() == KEYS
    # A ticket from Node's server resumes on gnet's...
    _, node_session = ping(node_port, certs, version)
    assert ping(port, certs, version, node_session)[0] is True
    # ...and one from gnet's on Node's.
    _, gnet_session = ping(port, certs, version)
    assert ping(node_port, certs, version, gnet_session)[0] is True
    server.close()
    assert server.reused == [True, False]


@pytest.mark.parametrize("version", ["TLSv1.2", "TLSv1.3"])
def test_other_ticket_keys_mean_a_full_handshake_until_set_ticket_keys(certs, server_opts, version):
    issuer = echo_server(dict(server_opts, maxVersion=version, ticketKeys=KEYS))
    other = echo_server(dict(server_opts, maxVersion=version))
    issuer_port, other_port = listen(issuer), listen(other)
    assert len(other.getTicketKeys()) == 48 and other.getTicketKeys() != KEYS
    _, session = ping(issuer_port, certs, version)
    assert ping(other_port, certs, version, session)[0] is False
    other.setTicketKeys(issuer.getTicketKeys())
    assert ping(other_port, certs, version, session)[0] is True
    issuer.close()
    other.close()


def test_a_resumed_tls13_connection_gets_no_new_ticket(certs, server_opts):
    server = echo_server(dict(server_opts, maxVersion="TLSv1.3"))
    port = listen(server)
    _, session = ping(port, certs, "TLSv1.3")
    client = tls.connect(port, "127.0.0.1", {"ca": certs("ca.pem"), "session": session})
    sessions = []
    client.on("session", sessions.append)
    client.on("secureConnect", lambda: client.write(b"ping"))
    client.resume()
    run_until(client, "close")
    server.close()
    assert server.reused == [False, True] and sessions == []


@pytest.mark.parametrize("version", ["TLSv1.2", "TLSv1.3"])
def test_a_failing_ticket_callback_resumes_nothing_and_breaks_no_handshake(
        certs, server_opts, version, monkeypatch):
    from gnet.tls import _openssl

    class Broken(dict):
        def get(self, *args):
            raise RuntimeError("ticket keys lost")

    server = echo_server(dict(server_opts, maxVersion=version))
    port = listen(server)
    _, session = ping(port, certs, version)
    monkeypatch.setattr(_openssl.sessions, "_ticket_keys", Broken(_openssl.sessions._ticket_keys))
    # Opening the ticket fails: a full handshake, no error anywhere.
    assert ping(port, certs, version, session)[0] is False
    # Sealing one fails too: no ticket, the connection goes on.
    assert ping(port, certs, version)[0] is False
    server.close()


def test_ticket_keys_go_with_their_context():
    import gc
    from gnet.tls import _openssl
    context = tls.createSecureContext({"ticketKeys": KEYS})
    contexts = [context.ssl_context(False), context.ssl_context(True)]
    keys = context._ticket_keys
    assert [_openssl.sessions._ticket_keys[_openssl._core.ctx_of(c)] for c in contexts] == [keys, keys]
    del context, contexts
    gc.collect()
    assert all(held is not keys for held in _openssl.sessions._ticket_keys.values())


# ----------------------------------------------------------------------
# enableTrace (here beside the tickets it traces)

def test_enable_trace_prints_openssls_trace_of_each_message_on_stderr(certs, server_opts, capfd):
    server = tls.createServer(dict(server_opts, enableTrace=True), lambda s: s.end(b"hi"))
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", {"ca": certs("ca.pem"), "maxVersion": "TLSv1.2"})
    assert client.enableTrace() is None
    client.resume()
    run_until(client, "close")
    server.close()
    err = capfd.readouterr().err
    # Each side's records: the client's and the server's ClientHello, sent and received.
    assert err.count("ClientHello, Length=") == 2 and err.count("ServerHello, Length=") == 2
    assert "Sent Record" in err and "Received Record" in err


def test_no_trace_without_enable_trace(certs, server_opts, capfd):
    server = tls.createServer(server_opts, lambda s: s.end(b"hi"))
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", {"ca": certs("ca.pem"), "enable_trace": False})
    client.resume()
    run_until(client, "close")
    server.close()
    assert "ClientHello" not in capfd.readouterr().err


def test_enable_trace_is_a_boolean_option():
    with pytest.raises(TypeError) as info:
        tls.connect(1, "127.0.0.1", {"enableTrace": "yes"})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


def test_without_ssl_trace_enable_trace_says_what_is_missing(monkeypatch):
    from gnet.tls import _openssl
    monkeypatch.setattr(_openssl.handshakes, "_ssl_trace", None)
    monkeypatch.setattr(_openssl.handshakes, "why_no_trace", "no SSL_trace in this libssl")
    with pytest.raises(NotImplementedError, match="enableTrace.*SSL_trace"):
        tls.connect(1, "127.0.0.1", {"enableTrace": True})
    with pytest.raises(NotImplementedError, match="SSL_trace"):
        tls.TLSSocket(None, {}).enableTrace()
