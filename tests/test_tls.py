"""gnet.tls: TLSSocket is a gnet Socket over a TLS handle; tls.Server is a gnet Server.

Certificates are made for the session by ``compat/tls_certs.py`` (trustme, the conftest fixtures);
the Node-facing behaviours are pinned by the compat pairs in
compat/scenarios/tls/, and interop with real Node by tests/test_tls_interop.py.
"""
import hashlib
import os

import gevent
import gevent.event
import pytest

import gnet
import gnet.tls as tls
from tlshelpers import listen, run_until


def test_exchange_both_ways_then_end_with_close_notify(certs, server_opts):
    seen = []

    def on_secure(sock):
        seen.append(("server secure", sock.authorized, sock.encrypted))
        sock.on("data", lambda d: sock.end(b"echo:" + d))
        sock.on("end", lambda: seen.append("server end"))

    server = tls.createServer(server_opts, on_secure)
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", {"ca": certs("ca.pem")}, lambda: client.write(b"hello"))
    client.on("connect", lambda: seen.append("client connect"))
    client.on("secureConnect", lambda: seen.append(("client secure", client.authorized)))
    chunks = []
    client.on("data", chunks.append)
    client.on("end", lambda: seen.append("client end"))
    run_until(client, "close")
    server.close()
    assert b"".join(chunks) == b"echo:hello"
    assert seen[:2] == ["client connect", ("client secure", True)]
    assert ("server secure", False, True) in seen
    # The server's end() sent close_notify: the client saw a clean 'end'.
    assert "client end" in seen
    assert isinstance(client, gnet.Socket) and isinstance(server, gnet.Server)
    assert client.bytesWritten == 5 and client.bytesRead == 10


def test_untrusted_server_certificate_is_an_error_with_nodes_code(server_opts):
    server = tls.createServer(server_opts)
    client_errors = []
    server.on("tlsClientError", lambda err, sock: client_errors.append(err.code))
    port = listen(server)
    client = tls.connect(port, "127.0.0.1")
    errors = []
    client.on("error", errors.append)
    run_until(client, "close")
    server.close()
    assert [e.code for e in errors] == ["UNABLE_TO_VERIFY_LEAF_SIGNATURE"]
    assert str(errors[0]) == "unable to verify the first certificate"


@pytest.mark.parametrize("key,cert,ca,code", [
    ("self-signed-key.pem", "self-signed-cert.pem", None, "DEPTH_ZERO_SELF_SIGNED_CERT"),
    ("server-key.pem", "server-chain.pem", None, "SELF_SIGNED_CERT_IN_CHAIN"),
    ("expired-key.pem", "expired-cert.pem", "ca.pem", "CERT_HAS_EXPIRED"),
])
def test_rejected_certificates_keep_the_connection_with_reject_unauthorized_false(certs, key, cert, ca, code):
    server = tls.createServer({"key": certs(key), "cert": certs(cert)}, lambda s: s.end())
    port = listen(server)
    opts = {"rejectUnauthorized": False}
    if ca:
        opts["ca"] = certs(ca)
    client = tls.connect(port, "127.0.0.1", opts)
    client.resume()
    run_until(client, "secureConnect")
    assert (client.authorized, client.authorizationError) == (False, code)
    run_until(client, "close")
    server.close()


def test_name_mismatch_is_err_tls_cert_altname_invalid(certs, server_opts):
    server = tls.createServer(server_opts)
    port = listen(server)
    client = tls.connect({"port": port, "host": "127.0.0.1", "ca": certs("ca.pem"), "servername": "nope.example"})
    errors = []
    client.on("error", errors.append)
    run_until(client, "close")
    server.close()
    assert errors[0].code == "ERR_TLS_CERT_ALTNAME_INVALID"
    assert errors[0].host == "nope.example"
    assert "DNS:localhost" in errors[0].reason


def test_check_server_identity_is_nodes():
    cert = {"subject": {"CN": "x"}, "subjectaltname": "DNS:*.example.com, IP Address:0:0:0:0:0:0:0:1"}
    assert tls.checkServerIdentity("a.example.com", cert) is None
    assert tls.checkServerIdentity("::1", cert) is None
    assert tls.checkServerIdentity("a.b.example.com", cert).code == "ERR_TLS_CERT_ALTNAME_INVALID"
    assert tls.check_server_identity is tls.checkServerIdentity


def test_mutual_tls_server_sees_the_client_certificate(certs, server_opts):
    seen = []

    def on_secure(sock):
        seen.append((sock.authorized, sock.getPeerCertificate()["subject"]["CN"]))
        sock.end()

    server = tls.createServer(dict(server_opts, requestCert=True, ca=certs("ca.pem")), on_secure)
    port = listen(server)
    client = tls.connect(port, "localhost", {"ca": certs("ca.pem"), "key": certs("client-key.pem"),
                                              "cert": certs("client-cert.pem")})
    client.resume()
    run_until(client, "close")
    server.close()
    assert seen == [(True, "gnet test client")]


def test_request_cert_rejects_a_client_without_one(certs, server_opts):
    server = tls.createServer(dict(server_opts, requestCert=True, ca=certs("ca.pem")))
    codes = []
    server.on("tlsClientError", lambda err, sock: codes.append(err.code))
    port = listen(server)
    client = tls.connect(port, "localhost", {"ca": certs("ca.pem")})
    client.on("error", lambda err: None)
    client.resume()
    run_until(client, "close")
    server.close()
    assert codes == ["ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE"]


def test_sni_add_context_serves_the_second_certificate(certs, server_opts):
    server = tls.createServer(server_opts, lambda s: s.end())
    server.addContext("*.example", {"key": certs("sni-key.pem"), "cert": certs("sni-cert.pem")})
    port = listen(server)
    names = []
    for servername in ("sni.example", "localhost"):
        client = tls.connect({"port": port, "host": "127.0.0.1", "ca": certs("ca.pem"), "servername": servername})
        client.on("secureConnect", lambda c=client: names.append(c.getPeerCertificate()["subject"]["CN"]))
        client.resume()
        run_until(client, "close")
    server.close()
    assert names == ["sni.example", "localhost"]


def test_sni_callback_may_answer_later_holding_up_only_its_connection(certs, server_opts):
    sni = tls.createSecureContext({"key": certs("sni-key.pem"), "cert": certs("sni-cert.pem")})

    def sni_callback(servername, cb):
        gnet.setTimeout(lambda: cb(None, sni if servername == "sni.example" else None), 20)

    server = tls.createServer(dict(server_opts, SNICallback=sni_callback), lambda s: s.resume())
    port = listen(server)
    client = tls.connect({"port": port, "host": "127.0.0.1", "ca": certs("ca.pem"), "servername": "sni.example"})
    client.resume()
    run_until(client, "secureConnect")
    assert client.getPeerCertificate()["subject"]["CN"] == "sni.example"
    assert client.servername == "sni.example"
    client.end()
    run_until(client, "close")
    server.close()


def test_alpn_chooses_the_servers_first_match(certs, server_opts):
    got = []
    server = tls.createServer(dict(server_opts, ALPNProtocols=["h2", "http/1.1"]),
                              lambda s: (got.append(s.alpnProtocol), s.end()))
    port = listen(server)
    client = tls.connect(port, "localhost", {"ca": certs("ca.pem"), "ALPNProtocols": ["http/1.1", "h2"]})
    client.resume()
    run_until(client, "secureConnect")
    got.append(client.alpnProtocol)
    run_until(client, "close")
    server.close()
    assert got in (["h2", "h2"], ["h2"]) and client.alpnProtocol == "h2"


def test_backpressure_and_pause_resume_over_tls(certs, server_opts):
    size = 4 << 20
    payload = os.urandom(size)
    received = []
    drains = []

    def on_secure(sock):
        sock.pause()
        # Paused: the client's writes fill the buffers and write() says so.
        gnet.setTimeout(sock.resume, 50)
        sock.on("data", received.append)
        sock.on("end", sock.end)

    server = tls.createServer(server_opts, on_secure)
    port = listen(server)
    client = tls.connect(port, "localhost", {"ca": certs("ca.pem")})
    results = []

    def send(offset=0):
        if offset:
            drains.append(offset)
        while offset < size:
            ok = client.write(payload[offset:offset + 65536])
            offset += 65536
            results.append(ok)
            if not ok:
                client.once("drain", lambda: send(offset))
                return
        client.end()

    client.on("secureConnect", lambda: send())
    client.resume()
    run_until(client, "close", timeout=15000)
    server.close()
    assert hashlib.sha256(b"".join(received)).digest() == hashlib.sha256(payload).digest()
    assert False in results and drains


def test_set_timeout_over_tls(certs, server_opts):
    server = tls.createServer(server_opts)
    port = listen(server)
    client = tls.connect(port, "localhost", {"ca": certs("ca.pem")})
    client.setTimeout(50)
    run_until(client, "timeout")
    assert not client.destroyed
    client.destroy()
    server.close()


def test_starttls_upgrade_of_a_line_protocol(certs, server_opts):
    lines = []

    def on_connection(raw):
        def on_line(data):
            assert data == b"STARTTLS\n"

            def upgrade(*_):
                secure = tls.TLSSocket(raw, dict(server_opts, isServer=True))
                secure.on("data", lambda d: secure.end(b"secret:" + d))
            raw.write(b"OK\n", upgrade)
        raw.once("data", on_line)

    server = gnet.createServer(on_connection)
    port = listen(server)
    raw = gnet.connect(port, "127.0.0.1", lambda: raw.write(b"STARTTLS\n"))

    def on_ok(data):
        lines.append(data)
        secure = tls.connect({"socket": raw, "ca": certs("ca.pem"), "servername": "localhost"},
                             lambda: secure.write(b"x"))
        secure.on("data", lines.append)
        secure.on("close", lambda *_: lines.append("closed"))
        holder.append(secure)

    holder = []
    raw.once("data", on_ok)
    run_until(raw, "close")
    if holder and not holder[0].destroyed:
        run_until(holder[0], "close")
    server.close()
    assert lines[0] == b"OK\n" and b"secret:x" in lines


def test_tls_over_a_socket_still_connecting_connects_with_it_and_reads(certs, server_opts):
    # As Node's: connecting (readyState 'opening') until the socket under it
    # connects, then 'connect'; what the peer sends is read, and a write made
    # meanwhile goes once secure. (gnet used to take the connection without
    # 'connect', and a read asked for before it never started.)
    def on_connection(sock):
        sock.write(b"hello")
        sock.on("data", lambda d: sock.end(b"bye:" + d))
    server = tls.createServer(server_opts, on_connection)
    port = listen(server)
    for make in (lambda raw: tls.TLSSocket(raw, {"ca": certs("ca.pem"), "servername": "localhost"}),
                 lambda raw: tls.connect({"socket": raw, "ca": certs("ca.pem"), "servername": "localhost"})):
        raw = gnet.connect(port, "127.0.0.1")
        sock = make(raw)
        assert (sock.connecting, sock.readyState, sock.pending) == (True, "opening", True)
        events, got = [], []
        sock.on("connect", lambda: events.append(("connect", sock.connecting, sock.readyState)))
        raw.on("connect", lambda: events.append("raw connect"))
        sock.on("data", got.append)
        sock.on("end", lambda: events.append("end"))
        sock.write(b"hi")
        run_until(sock, "close")
        assert events == [("connect", False, "open"), "raw connect", "end"]
        assert b"".join(got) == b"hellobye:hi"
    server.close()


def test_tls_over_a_socket_whose_connect_fails_closes_without_an_error():
    # Node's TLSSocket closes, the error is the socket's under it.
    raw = gnet.connect(1, "127.0.0.1")
    sock = tls.TLSSocket(raw, {})
    events = []
    sock.on("error", lambda err: events.append(("tls error", err.code)))
    sock.on("close", lambda *_: events.append("tls close"))
    raw.on("error", lambda err: events.append(("raw error", err.code)))
    raw.on("close", lambda *_: events.append("raw close"))
    run_until(raw, "close")
    if "tls close" not in events:
        run_until(sock, "close")
    assert events[0] == ("raw error", "ECONNREFUSED")
    assert sorted(map(str, events[1:])) == ["raw close", "tls close"]


def test_keying_material_and_finished_messages_agree_on_both_ends(certs, server_opts):
    server_side = {}

    def on_secure(sock):
        server_side["ekm"] = sock.exportKeyingMaterial(32, "EXPERIMENTAL-gnet")
        server_side["finished"] = sock.getFinished()
        sock.resume()

    server = tls.createServer(server_opts, on_secure)
    port = listen(server)
    client = tls.connect(port, "localhost", {"ca": certs("ca.pem")})
    client.resume()
    run_until(client, "secureConnect")
    ekm = client.export_keying_material(32, "EXPERIMENTAL-gnet")
    peer_finished = client.getPeerFinished()
    client.end()
    run_until(client, "close")
    server.close()
    assert ekm == server_side["ekm"] and len(ekm) == 32
    assert peer_finished == server_side["finished"]


def test_session_resumption_with_get_session(certs, server_opts):
    server = tls.createServer(dict(server_opts, maxVersion="TLSv1.2"), lambda s: s.end())
    port = listen(server)
    first = tls.connect(port, "localhost", {"ca": certs("ca.pem"), "maxVersion": "TLSv1.2"})
    sessions = []
    first.on("secureConnect", lambda: sessions.append(first.getSession()))
    first.resume()
    run_until(first, "close")
    session = sessions[0]
    assert session is not None
    second = tls.connect(port, "localhost", {"ca": certs("ca.pem"), "maxVersion": "TLSv1.2", "session": session})
    facts = []
    second.on("secureConnect", lambda: facts.append((second.isSessionReused(), second.authorized)))
    second.resume()
    run_until(second, "close")
    server.close()
    assert facts == [(True, True)] and not first.isSessionReused()


def test_set_secure_context_changes_the_certificate_for_new_connections(certs, server_opts):
    server = tls.createServer(server_opts, lambda s: s.resume())
    port = listen(server)
    server.setSecureContext({"key": certs("sni-key.pem"), "cert": certs("sni-cert.pem")})
    client = tls.connect({"port": port, "host": "127.0.0.1", "ca": certs("ca.pem"), "servername": "sni.example"})
    client.resume()
    run_until(client, "secureConnect")
    assert client.getPeerCertificate()["subject"]["CN"] == "sni.example"
    client.end()
    run_until(client, "close")
    server.close()


def test_bad_options_raise_nodes_errors():
    with pytest.raises(TypeError) as info:
        tls.createSecureContext({"minVersion": "TLSv9"})
    assert info.value.code == "ERR_TLS_INVALID_PROTOCOL_VERSION"
    assert str(info.value) == '"TLSv9" is not a valid minimum TLS protocol version'
    with pytest.raises(TypeError) as info:
        tls.createSecureContext({"ca": 5})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(Exception) as info:
        tls.createSecureContext({"ciphers": "nope"})
    assert info.value.code == "ERR_SSL_NO_CIPHER_MATCH"
    with pytest.raises(TypeError):
        tls.connect(port=1, hots="x")
    with pytest.raises(TypeError) as info:
        tls.createServer({"SNICallback": 5})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    for falsy in (0, "", False):
        tls.createServer({"SNICallback": falsy}).close()     # none, as in Node
    # ALPNProtocols' items, as Node's convertProtocols reads them.
    with pytest.raises(TypeError) as info:
        tls.createServer({"ALPNProtocols": ["h2", 5]})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value) == ('The "string" argument must be of type string or an instance of Buffer or '
                               'ArrayBuffer. Received type number (5)')
    with pytest.raises(ValueError) as info:
        tls.connect({"port": 1, "host": "127.0.0.1", "ALPNProtocols": ["a" * 300]})
    assert info.value.code == "ERR_OUT_OF_RANGE"
    assert str(info.value) == ("The byte length of the protocol at index 0 exceeds the maximum length. "
                               "It must be <= 255. Received 300")
    with pytest.raises(TypeError) as info:
        tls.createServer({"ALPNProtocols": ["h2", b"x"]})
    assert (info.value.code, str(info.value)) == ("ERR_INVALID_ARG_TYPE", "argument must be a string")


def test_module_surface():
    assert tls.DEFAULT_MIN_VERSION == "TLSv1.2" and tls.DEFAULT_MAX_VERSION == "TLSv1.3"
    assert "aes128-gcm-sha256" in tls.getCiphers()
    assert tls.create_server is tls.createServer and tls.create_secure_context is tls.createSecureContext
    assert tls.TLSSocket.get_peer_certificate is tls.TLSSocket.getPeerCertificate
    assert all(c.startswith("-----BEGIN CERTIFICATE-----") for c in tls.rootCertificates)
    assert issubclass(tls.Server, gnet.Server) and issubclass(tls.TLSSocket, gnet.Socket)
    assert gnet.tls is tls


def test_keylog_lines_on_the_client_and_the_server(certs, server_opts):
    server_lines = []
    server = tls.createServer(server_opts, lambda s: s.resume())
    server.on("keylog", lambda line, sock: server_lines.append((line, isinstance(sock, tls.TLSSocket))))
    port = listen(server)
    client = tls.connect(port, "localhost", {"ca": certs("ca.pem")})
    lines = []
    client.on("keylog", lines.append)
    order = []
    client.on("keylog", lambda line: order.append("keylog") if not order else None)
    client.on("secureConnect", lambda: (order.append("secureConnect"), client.end()))
    client.resume()
    run_until(client, "close")
    server.close()
    # TLS 1.3: five secrets each side, NSS key log format, before 'secureConnect'.
    assert len(lines) == 5 and all(l.endswith(b"\n") and b"SECRET" in l.split()[0] for l in lines)
    assert order == ["keylog", "secureConnect"]
    assert {l.split()[1] for l in lines} == {l.split()[1] for l, _ in server_lines}
    assert all(ok for _, ok in server_lines)


def test_a_client_paused_before_connecting_still_completes_its_handshake(certs, server_opts):
    """The handshake reads the kernel whatever the stream's flow; data waits for resume()."""
    own = []
    server = tls.createServer(server_opts, lambda s: (own.append(s.getCertificate()["subject"]["CN"]),
                                                      s.end(b"late")))
    port = listen(server)
    client = tls.connect(port, "localhost", {"ca": certs("ca.pem")})
    client.pause()
    chunks = []
    client.on("data", chunks.append)
    run_until(client, "secureConnect")
    assert chunks == [] and client.isPaused()
    client.resume()
    run_until(client, "close")
    server.close()
    assert chunks == [b"late"] and own == ["localhost"]
    assert client.getCertificate() is None      # no connection any more, as Node's null


# One send per read: the replies to the records of one read leave together,
# but never wait for a listener that blocks.

def test_a_listener_that_blocks_mid_read_does_not_hold_back_replies_already_written(certs, server_opts):
    released = gevent.event.Event()
    blocked = []

    def on_secure(sock):
        def on_data(chunk):
            sock.write(chunk)
            if not blocked:
                # The reply to this record must reach the client while this
                # listener waits, even when more records of the read follow.
                blocked.append(released.wait(10))
        sock.on("data", on_data)
        sock.on("end", sock.end)

    server = tls.createServer(server_opts, on_secure)
    port = listen(server)
    payload = os.urandom(3 * 16384)
    echoed = []

    def on_data(chunk):
        echoed.append(chunk)
        if sum(map(len, echoed)) >= 16384:
            released.set()
    client = tls.connect(port, "127.0.0.1", {"ca": certs("ca.pem")}, lambda: client.end(payload))
    client.on("data", on_data)
    run_until(client, "close")
    server.close()
    assert blocked == [True]
    assert b"".join(echoed) == payload


def test_a_write_then_destroy_in_a_listener_still_sends_the_write(certs, server_opts):
    # Node: the client receives "bye", and the server no more 'data'.
    seen = []

    def on_secure(sock):
        def on_data(chunk):
            seen.append(len(chunk))
            sock.write(b"bye")
            sock.destroy()
        sock.on("data", on_data)

    server = tls.createServer(server_opts, on_secure)
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", {"ca": certs("ca.pem")}, lambda: client.write(b"x" * 32768))
    got = []
    client.on("data", got.append)
    client.on("error", lambda err: None)
    run_until(client, "close")
    server.close()
    assert b"".join(got) == b"bye"
    assert len(seen) == 1


def test_a_write_and_end_from_a_drain_listener_lose_nothing(certs, server_opts):
    # 'drain' is emitted while the handle completes its queued writes; what
    # its listener writes then (more than the kernel takes at once) and its
    # end() must go out in full before the write side is shut.
    block = os.urandom(1 << 20)
    sent = []

    def on_secure(sock):
        def last():
            big = block * 16                # more than a socket buffer takes at once
            sent.append(big)
            sock.write(big)
            sock.end()
        while True:
            sent.append(block)
            if not sock.write(block):
                break
        sock.once("drain", last)

    server = tls.createServer(server_opts, on_secure)
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", {"ca": certs("ca.pem")})
    digest = hashlib.sha256()
    got = [0]

    def on_data(chunk):
        digest.update(chunk)
        got[0] += len(chunk)
    client.on("data", on_data)
    client.on("end", client.end)
    run_until(client, "close")
    server.close()
    assert got[0] == sum(map(len, sent))
    assert digest.digest() == hashlib.sha256(b"".join(sent)).digest()


def test_a_closed_server_connection_is_freed_before_its_handshake_timeout(certs, server_opts):
    # The handshake timeout (120 s) is cleared at 'secureConnection'; the
    # socket must not wait out the 120 s to be freed.
    import gc
    import weakref
    held = []
    closed = gevent.event.Event()

    def on_secure(sock):
        held.append(weakref.ref(sock))
        sock.on("data", sock.end)
        sock.on("close", lambda *_: closed.set())

    server = tls.createServer(server_opts, on_secure)
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", {"ca": certs("ca.pem")}, lambda: client.write(b"bye"))
    client.on("data", lambda data: None)
    client.on("end", client.end)
    run_until(client, "close")
    assert closed.wait(10)
    server.close()
    run_until(server, "close")
    gc.collect()
    assert len(held) == 1 and held[0]() is None
