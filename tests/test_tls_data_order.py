"""The peer's data is delivered whatever this end does first: a TLS socket
that ends (close_notify and FIN) before it has read what the peer sent still
gets all of it, then 'end', as in Node (compat:
tls/end_before_reading_keeps_peer_data).

Both ends are gnet, in this process. A client that writes on 'secureConnect'
has its data in the kernel before the server reads again, so under TLS 1.3
the server reads it with the client's Finished: it waits in the incoming BIO
while 'secureConnection' runs; under TLS 1.2 the server's 'bye' comes with
its Finished and waits in the client's BIO while 'secureConnect' runs. A
socket that is not flowing takes 16 KiB of plaintext (its highWaterMark) and
leaves the rest of the read in the BIO. An end() then must not read those
records (OpenSSL would take them for data after close_notify and fail the
session: the socket saw 'end' with nothing).
"""
import gevent.event
import pytest

import gnet.tls as tls
from tlshelpers import listen

KEY = bytes.fromhex("d731ef57be09e5204f0b205b60627028")
SIZE = 200000
DATA = bytes(i & 0xFF for i in range(SIZE))


def psk(opts):
    return (dict(opts, pskCallback=lambda sock, identity: KEY),
            dict(opts, pskCallback=lambda hint: {"psk": KEY, "identity": "alice"}))


@pytest.fixture(params=["psk-tls1.3", "cert-tls1.3", "cert-tls1.2"])
def sides(request, certs, server_opts):
    """(server options, client options) for one kind of handshake."""
    if request.param == "psk-tls1.3":
        return psk({})
    opts = {"maxVersion": "TLSv1.2"} if request.param == "cert-tls1.2" else {}
    return dict(server_opts, **opts), dict(opts, ca=certs("ca.pem"))


def run(sides, on_server_secure):
    """A client that writes DATA and ends as soon as it is secure, against a
    server whose 'secureConnection' is ``on_server_secure(sock, listen)``;
    ``listen()`` hears the server's data and 'end' (and ends it, if it has
    not). What each side received, once both have closed."""
    server_opts, client_opts = sides
    got = {"server": [], "client": [], "events": []}
    closed = [gevent.event.Event(), gevent.event.Event()]

    def on_secure(sock):
        def listen_():
            sock.on("data", got["server"].append)

            def on_end():
                got["events"].append("server end")
                if not sock.writableEnded:
                    sock.end()
            sock.on("end", on_end)
        sock.on("error", lambda err: got["events"].append(("server error", err)))
        sock.on("close", lambda *_: closed[0].set())
        on_server_secure(sock, listen_)

    server = tls.createServer(dict(server_opts, allowHalfOpen=True), on_secure)
    port = listen(server)
    client = tls.connect(dict(client_opts, port=port, host="127.0.0.1", allowHalfOpen=True),
                         lambda: (client.write(DATA), client.end()))
    client.on("data", got["client"].append)
    client.on("end", lambda: got["events"].append("client end"))
    client.on("error", lambda err: got["events"].append(("client error", err)))
    client.on("close", lambda *_: closed[1].set())
    assert closed[0].wait(10) and closed[1].wait(10)
    server.close()
    return b"".join(got["server"]), b"".join(got["client"]), got["events"]


def test_a_server_that_ends_in_secure_connection_still_reads_the_client_data(sides):
    def on_secure(sock, listen_):
        sock.end(b"bye")            # before anything listens for 'data'
        listen_()

    received, sent_back, events = run(sides, on_secure)
    assert received == DATA
    assert sent_back == b"bye"
    assert sorted(events) == ["client end", "server end"]


def test_a_socket_that_ends_while_its_data_waits_gets_it_on_resume(sides):
    def on_secure(sock, listen_):
        def on_readable():
            # 16 KiB are in the socket, the rest of the read in the BIO.
            sock.removeListener("readable", on_readable)
            assert 0 < sock.readableLength < SIZE
            sock.end(b"bye", lambda *_: (listen_(), sock.resume()))
        sock.on("readable", on_readable)

    received, sent_back, events = run(sides, on_secure)
    assert received == DATA
    assert sent_back == b"bye"
    assert sorted(events) == ["client end", "server end"]


@pytest.mark.parametrize("later", [False, True], ids=["listen-at-once", "listen-a-turn-later"])
def test_data_and_end_that_come_with_the_handshake_reach_a_late_listener(sides, later):
    # Under TLS 1.3 the client's data, close_notify and FIN come with its
    # Finished, before 'secureConnection': nothing flows until a listener.
    import gnet
    received, sent_back, events = run(
        sides, lambda sock, listen_: gnet.setImmediate(listen_) if later else listen_())
    assert received == DATA
    assert sent_back == b""
    assert sorted(events) == ["client end", "server end"]
