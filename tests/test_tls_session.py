"""gnet.tls sessions as Node has them: DER bytes out and in, 'session', 'newSession', 'resumeSession'.

The event orders are pinned against Node by compat/scenarios/tls/session_*,
new_session_* and resume_session_*; these tests check what a user relies on:
the bytes resume a connection (with a Node peer too, across processes), bad
input is Node's error, and the server's session callbacks hold the handshake.
"""
import json
import os
import shutil
import ssl

import gevent
import gevent.event
import gevent.subprocess
import pytest

import gnet
import gnet.tls as tls
from tlshelpers import listen, run_until


def echo_server(opts, on_secure=None):
    """A server that echoes the first chunk and ends (it writes nothing before the client)."""
    def secure(sock):
        if on_secure is not None:
            on_secure(sock)
        sock.on("data", lambda d: sock.end(d))
    return tls.createServer(opts, secure)


def ping(port, certs, version, session=None, facts=None):
    """One client connection that writes 'ping' and reads the echo; returns
    the sessions it heard of ('session' events, then getSession() at 'end')."""
    opts = {"ca": certs("ca.pem"), "maxVersion": version, "servername": "localhost"}
    if session is not None:
        opts["session"] = session
    client = tls.connect(port, "127.0.0.1", opts)
    seen = []
    client.on("session", seen.append)
    client.on("secureConnect", lambda: (facts is not None and facts.append(client.isSessionReused()),
                                        client.write(b"ping")))
    client.on("end", lambda: seen.append(client.getSession()))
    client.resume()
    run_until(client, "close")
    return seen


@pytest.mark.parametrize("version", ["TLSv1.2", "TLSv1.3"])
def test_get_session_bytes_resume_the_next_connection(certs, server_opts, version):
    reused = []
    server = echo_server(dict(server_opts, maxVersion=version), lambda s: reused.append(s.isSessionReused()))
    port = listen(server)
    facts = []
    first = ping(port, certs, version, facts=facts)
    session = first[-1]
    assert isinstance(session, bytes) and session[:1] == b"\x30"       # a DER SEQUENCE
    ping(port, certs, version, session=session, facts=facts)
    server.close()
    assert facts == [False, True] and reused == [False, True]


def test_an_ssl_session_object_is_still_taken(certs, server_opts):
    server = echo_server(dict(server_opts, maxVersion="TLSv1.2"))
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", {"ca": certs("ca.pem"), "maxVersion": "TLSv1.2"})
    objects = []
    client.on("secureConnect", lambda: (objects.append(client._handle.ssl.session), client.end()))
    client.resume()
    run_until(client, "close")
    assert isinstance(objects[0], ssl.SSLSession)
    facts = []
    ping(port, certs, "TLSv1.2", session=objects[0], facts=facts)
    server.close()
    assert facts == [True]


@pytest.mark.parametrize("bad", [42, {}, None, True, 1.5])
def test_set_session_refuses_what_is_not_a_buffer(certs, server_opts, bad):
    client = tls.TLSSocket(None, {})
    with pytest.raises(TypeError) as info:
        client.setSession(bad)
    assert info.value.code == "ERR_INVALID_ARG_TYPE" and str(info.value) == "Session must be a buffer"
    with pytest.raises(TypeError) as info:
        tls.connect(1, "127.0.0.1", {"session": "a string"})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


def test_garbage_session_bytes_are_ignored_and_the_handshake_is_full(certs, server_opts):
    server = echo_server(dict(server_opts, maxVersion="TLSv1.2"))
    port = listen(server)
    facts = []
    ping(port, certs, "TLSv1.2", session=b"\x30\x03garbage", facts=facts)
    client = tls.connect(port, "127.0.0.1", {"ca": certs("ca.pem"), "maxVersion": "TLSv1.2"})
    client.set_session("latin-1 text, not a session")
    client.on("secureConnect", lambda: (facts.append(client.is_session_reused()), client.end()))
    client.resume()
    run_until(client, "close")
    server.close()
    assert facts == [False, False]


# ----------------------------------------------------------------------
# the same DER bytes as Node's, across processes

NODE_CLIENT = r"""
const tls = require('tls');
const [port, caPath, version, sessionHex] = process.argv.slice(1);
const opts = { port: +port, host: '127.0.0.1', ca: require('fs').readFileSync(caPath),
               servername: 'localhost', maxVersion: version };
if (sessionHex) opts.session = Buffer.from(sessionHex, 'hex');
const c = tls.connect(opts);
let last = null;
c.on('session', (s) => { last = s; });
c.on('secureConnect', () => { c.reused = c.isSessionReused(); c.write('ping'); });
c.on('end', () => { last = last || c.getSession(); });
c.resume();
c.on('close', () => console.log(JSON.stringify({ reused: c.reused, session: last && last.toString('hex') })));
"""


def node_client(port, certdir, version, session=None):
    proc = gevent.subprocess.Popen(
        ["node", "-e", NODE_CLIENT, str(port), os.path.join(certdir, "ca.pem"), version,
         session.hex() if session else ""], stdout=gevent.subprocess.PIPE)
    out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 0, out
    answer = json.loads(out)
    return answer["reused"], bytes.fromhex(answer["session"])


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
@pytest.mark.parametrize("version", ["TLSv1.2", "TLSv1.3"])
def test_sessions_go_between_gnet_and_node_clients_as_the_same_der(certdir, certs, server_opts, version):
    server = echo_server(dict(server_opts, maxVersion=version))
    port = listen(server)
    gnet_session = ping(port, certs, version)[-1]
    # A gnet client's session resumes a Node client's connection...
    reused, node_session = node_client(port, certdir, version, gnet_session)
    assert reused is True
    # ...and a Node client's session a gnet client's.
    facts = []
    ping(port, certs, version, session=node_session, facts=facts)
    server.close()
    assert facts == [True]


# ----------------------------------------------------------------------
# the client's 'session'

NODE_SERVER = r"""
const tls = require('tls');
const fs = require('fs');
const [dir, version] = process.argv.slice(1);
const server = tls.createServer({ key: fs.readFileSync(dir + '/server-key.pem'),
                                  cert: fs.readFileSync(dir + '/server-cert.pem'), maxVersion: version },
  (s) => { s.write('hello'); s.on('data', (d) => { s.end(d); server.close(); }); });
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
@pytest.mark.parametrize("version, expected", [
    ("TLSv1.2", ["secureConnect", "session", "data hello", "data ping", "end"]),
    # Node's server writes 'hello' before its tickets: 'session' comes in stream order.
    ("TLSv1.3", ["secureConnect", "data hello", "session", "session", "data ping", "end"]),
])
def test_session_events_come_in_stream_order_from_a_node_server(certdir, certs, version, expected):
    proc = gevent.subprocess.Popen(["node", "-e", NODE_SERVER, certdir, version], stdout=gevent.subprocess.PIPE)
    try:
        port = int(proc.stdout.readline())
        client = tls.connect(port, "127.0.0.1", {"ca": certs("ca.pem"), "servername": "localhost"})
        seen = []
        sessions = []
        client.on("secureConnect", lambda: (seen.append("secureConnect"), client.write(b"ping")))
        client.on("session", lambda s: (seen.append("session"), sessions.append(s)))
        client.on("data", lambda d: seen.append("data " + d.decode()))
        client.on("end", lambda: seen.append("end"))
        run_until(client, "close")
        assert seen == expected and all(isinstance(s, bytes) for s in sessions)
    finally:
        proc.communicate(timeout=10)


def test_a_session_listener_added_after_secure_connect_still_hears_tls13_tickets(certs, server_opts):
    server = echo_server(dict(server_opts, maxVersion="TLSv1.3"))
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", {"ca": certs("ca.pem")})
    sessions = []

    def on_secure():
        client.on("session", sessions.append)
        client.write(b"ping")
    client.on("secureConnect", on_secure)
    client.resume()
    run_until(client, "close")
    server.close()
    assert len(sessions) == 2 and all(isinstance(s, bytes) for s in sessions)


def test_no_session_event_when_the_server_is_rejected(certs, server_opts):
    server = echo_server(dict(server_opts, maxVersion="TLSv1.2"))
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", {"maxVersion": "TLSv1.2"})     # the test CA is not trusted
    seen = []
    client.on("session", lambda s: seen.append("session"))
    client.on("error", lambda err: seen.append(err.code))
    run_until(client, "close")
    server.close()
    assert seen == ["UNABLE_TO_VERIFY_LEAF_SIGNATURE"]


# ----------------------------------------------------------------------
# the server's 'newSession' and 'resumeSession'

def session_store_server(opts, answer_later=False):
    """A server keeping its sessions by id, as Node's docs show; ``events`` records what it heard."""
    store, events = {}, []

    def later(fn):
        if answer_later:
            gnet.setTimeout(fn, 10)
        else:
            fn()

    def on_new_session(sid, data, cb):
        events.append("newSession")
        store[sid] = data
        later(lambda: (events.append("newSession answered"), cb()))

    def on_resume_session(sid, cb):
        events.append("resumeSession %s" % (sid in store))
        later(lambda: cb(None, store.get(sid)))

    def on_secure(sock):
        events.append("secureConnection %s" % sock.isSessionReused())
        sock.on("data", lambda d: sock.end(d))

    server = tls.createServer(opts, on_secure)
    server.on("newSession", on_new_session)
    server.on("resumeSession", on_resume_session)
    return server, events


NO_TICKET = {"secureOptions": ssl.OP_NO_TICKET}


@pytest.mark.parametrize("answer_later", [False, True])
def test_resume_session_gives_back_what_new_session_stored(certs, server_opts, answer_later):
    from gnet.tls import _openssl
    server, events = session_store_server(dict(server_opts, maxVersion="TLSv1.2"), answer_later)
    port = listen(server)
    facts = []
    opts = dict(NO_TICKET, ca=certs("ca.pem"), servername="localhost")
    first = tls.connect(port, "127.0.0.1", opts)
    first.on("secureConnect", lambda: (facts.append(first.isSessionReused()), first.write(b"ping")))
    kept = []
    first.on("end", lambda: kept.append(first.getSession()))
    first.resume()
    run_until(first, "close")
    second = tls.connect(port, "127.0.0.1", dict(opts, session=kept[0]))
    second.on("secureConnect", lambda: (facts.append(second.isSessionReused()), second.write(b"ping")))
    second.resume()
    run_until(second, "close")
    server.close()
    # The handshake waited for each callback: 'secureConnection' after 'newSession' was answered.
    answered = ["newSession answered"]
    assert events == ["resumeSession False", "newSession"] + answered + ["secureConnection False",
                                                                         "resumeSession True", "secureConnection True"]
    assert facts == [False, True]
    assert _openssl.sessions._session_sinks == {} and _openssl.sessions._next_sessions == {}


def test_a_new_session_listener_that_never_answers_holds_the_handshake(certs, server_opts):
    server = tls.createServer(dict(server_opts, maxVersion="TLSv1.2"), lambda s: events.append("secureConnection"))
    events = []
    callbacks = []
    server.on("newSession", lambda sid, data, cb: (events.append("newSession"), callbacks.append(cb)))
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", dict(NO_TICKET, ca=certs("ca.pem")))
    client.on("secureConnect", lambda: events.append("secureConnect"))
    seen = gevent.event.Event()
    server.once("newSession", lambda *a: seen.set())
    assert seen.wait(5)
    client.setTimeout(50, lambda: (events.append("client timeout"), callbacks[0]()))
    run_until(client, "secureConnect")
    client.end()
    run_until(client, "close")
    server.close()
    assert events[:2] == ["newSession", "client timeout"] and "secureConnect" in events


def test_tls13_new_session_follows_secure_connection_once_per_ticket(certs, server_opts):
    server, events = session_store_server(dict(server_opts, maxVersion="TLSv1.3"))
    port = listen(server)
    ping(port, certs, "TLSv1.3")
    server.close()
    assert events == ["resumeSession False", "secureConnection False", "newSession", "newSession answered",
                      "newSession", "newSession answered"]


def test_client_hello_parser_reads_nodes_fields():
    from gnet.tls import clienthello
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    out = ssl.MemoryBIO()
    obj = ctx.wrap_bio(ssl.MemoryBIO(), out, server_hostname="sni.example")
    with pytest.raises(ssl.SSLWantReadError):
        obj.do_handshake()
    hello = out.read()
    assert clienthello.parse(hello[:3]) is clienthello.MORE
    assert clienthello.parse(hello[:-1]) is clienthello.MORE
    parsed = clienthello.parse(hello)
    assert parsed["servername"] == "sni.example" and len(parsed["sessionId"]) == 32
    assert parsed["tlsTicket"] is False
    assert clienthello.parse(b"GET / HTTP/1.1\r\n") is clienthello.END


# ----------------------------------------------------------------------
# getEphemeralKeyInfo, setMaxSendFragment

def test_ephemeral_key_info_names_the_curve_on_the_client_only(certs, server_opts):
    on_server = []
    server = echo_server(server_opts, lambda s: on_server.append(s.getEphemeralKeyInfo()))
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", {"ca": certs("ca.pem"), "ecdhCurve": "secp384r1"})
    before = client.get_ephemeral_key_info()
    after = []
    client.on("secureConnect", lambda: (after.append(client.getEphemeralKeyInfo()), client.write(b"x")))
    client.resume()
    run_until(client, "close")
    server.close()
    assert before == {} and on_server == [None] and client.getEphemeralKeyInfo() is None
    assert after == [{"type": "ECDH", "name": "secp384r1", "size": 384}]


def test_a_small_max_send_fragment_still_carries_every_byte(certs, server_opts):
    received = []
    server = tls.createServer(server_opts, lambda s: (s.on("data", received.append), s.on("end", s.end)))
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", {"ca": certs("ca.pem")})
    assert client.setMaxSendFragment(512) is True and client.setMaxSendFragment(100) is False
    with pytest.raises(ValueError) as info:
        client.setMaxSendFragment(1.5)
    assert info.value.code == "ERR_OUT_OF_RANGE"
    payload = bytes(range(256)) * 64
    client.on("secureConnect", lambda: client.end(payload))
    client.resume()
    run_until(client, "close")
    server.close()
    assert b"".join(received) == payload
