"""What a TLS server sends after the handshake goes with its answer to the
client's first data, as Node's does.

Under TLS 1.3 a client that writes on 'secureConnect' sends its data with its
Finished. The server's handshake ends on that read and leaves the session
tickets to send; the echo of the data follows within the same read. Node
sends both in one segment. Sent apart, the echo is a small segment behind
unacknowledged data, which Nagle's algorithm holds until the client's
delayed ACK: 40 ms per connection, which made gnet's tls_connrate 1.6x Node's
CPU per connection and half its rate.

The client here is an ``ssl.SSLObject`` over a plain socket, so that the test
sees the server's bytes as they arrive: its Finished and its data go in one
``send``; the first ``recv`` after it must hold the echo.
"""
import socket
import ssl

import gevent
import gevent.event
import gevent.socket

import gnet.tls as tls
from tlshelpers import listen, run_until

MESSAGE = b"m" * 64


def client_context(certs):
    ctx = ssl.create_default_context(cadata=certs("ca.pem").decode())
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    return ctx


def handshake(sock, sslobj, incoming, outgoing):
    """Drive the client's handshake; its last flight stays in ``outgoing``."""
    while True:
        try:
            sslobj.do_handshake()
            return
        except ssl.SSLWantReadError:
            if outgoing.pending:
                sock.sendall(outgoing.read())
            data = sock.recv(65536)
            assert data, "the server closed mid-handshake"
            incoming.write(data)


def test_the_echo_of_the_first_data_comes_with_the_session_tickets(certs, server_opts):
    server = tls.createServer(server_opts, lambda c: c.on("data", c.write))
    port = listen(server)
    try:
        sock = gevent.socket.create_connection(("127.0.0.1", port))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
        sslobj = client_context(certs).wrap_bio(incoming, outgoing, server_hostname="localhost")
        handshake(sock, sslobj, incoming, outgoing)
        assert sslobj.version() == "TLSv1.3"
        sslobj.write(MESSAGE)
        sock.sendall(outgoing.read())           # Finished and the data, at once
        incoming.write(sock.recv(65536))        # what the server sent first
        got = b""
        try:
            while len(got) < len(MESSAGE):
                got += sslobj.read(65536)
        except ssl.SSLWantReadError:
            pass
        assert got == MESSAGE, "the first segment after the handshake lacks the echo"
        sock.close()
    finally:
        server.close()


def test_the_tickets_go_out_while_a_data_listener_blocks(certs, server_opts):
    # The tickets wait for the answer only as long as the read runs: a
    # listener that blocks before answering lets the hub send them.
    sessions = gevent.event.Event()

    def on_connection(c):
        def on_data(data):
            assert sessions.wait(10), "no session ticket while the listener waits"
            c.end(data)
        c.on("data", on_data)

    server = tls.createServer(server_opts, on_connection)
    port = listen(server)
    try:
        client = tls.connect({"port": port, "host": "127.0.0.1", "ca": certs("ca.pem"),
                              "servername": "localhost"}, lambda: client.write(MESSAGE))
        client.on("session", lambda session: sessions.set())
        got = []
        client.on("data", got.append)
        run_until(client, "close")
        assert sessions.is_set()
        assert b"".join(got) == MESSAGE
    finally:
        server.close()
