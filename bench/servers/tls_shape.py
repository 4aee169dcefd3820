"""Two bare TLS echo servers on gevent's loop, alike but for the shape of the TLS layer.

    python tls_shape.py --shape sslobject|sslsocket|sslsocket-ra --port 0 --certs DIR   -> prints "ready port=N"

DIR holds server-cert.pem and server-key.pem (compat/tls_certs.py writes them).
Not servers anyone should write: they measure, for ``python -m bench.tls``,
which of the two ways of putting OpenSSL under a gnet handle costs less CPU
per message (issue 14: "Measure the two shapes and keep the faster"):

- ``sslobject``: ``ssl.SSLObject`` over two ``MemoryBIO``s, what gnet's
  ``TLSHandle`` does (gnet/tls/handle.py). The kernel is read with
  ``recv_into`` a buffer, which goes into the incoming BIO; plaintext comes
  out of ``SSLObject.read``; the echo goes in by ``SSLObject.write`` and its
  records come out of the outgoing BIO to ``send``.
- ``sslsocket``: ``context.wrap_socket(sock, server_side=True,
  do_handshake_on_connect=False)`` on the non-blocking descriptor: OpenSSL
  reads and writes the kernel itself; ``do_handshake``/``recv``/``send``
  raise ``SSLWantReadError``/``SSLWantWriteError`` when it would block.
  OpenSSL sends what the handshake leaves (TLS 1.3 session tickets) there
  and then, so the echo of the client's first data, which came with its
  Finished, goes in a segment of its own and waits behind them for the
  client's delayed ACK (Nagle's algorithm): about 40 ms per connection
  on ``tls_connrate``, where ``sslobject`` and gnet send both at once.
- ``sslsocket-ra``: the same with OpenSSL's read-ahead on (through ctypes),
  which the plain ``SSLSocket`` lacks: without it OpenSSL reads each record
  from the kernel in two system calls (the 5-byte header, then the body).

Everything else is shared and is the structure of gnet's handle layer
(gnet/net/handle.py, gnet/eventloop/loop.py) with nothing on top: raw
non-blocking sockets, two libev io watchers per connection
(``get_hub().loop.io(fd, 1|2)``) whose callbacks, in the hub, only set a
ready flag and queue the connection; a check watcher at the lowest priority
that, after every watcher of the turn, switches to one service greenlet,
which serves each queued connection (reads, then writes) and switches back.
No greenlet per connection; the read watcher stays started while there is
nothing to send, so a message costs no watcher start or stop. What the
kernel does not take is kept and reading stops until it is sent (the load
generator bounds what is in flight anyway).

The ``ssl.SSLContext`` is the one gnet's ``tls.createServer({key, cert})``
makes (gnet.tls.server.server_config): Node's ciphers and versions, so the
three servers negotiate the same suite with the same client.
"""
import argparse
import os
import socket
import ssl
from collections import deque

import _socket
import gevent
from gevent.hub import get_hub
from greenlet import greenlet

#: Bytes asked of the kernel (or of OpenSSL) per read, as gnet's READ_SIZE.
READ_SIZE = 65536
#: Full reads of one connection per wake-up, as gnet's READS_PER_WAKEUP.
READS_PER_WAKEUP = 16
#: The most plaintext one TLS record carries: SSLSocket.recv returns one record
#: at most, so a shorter read means the peer's write ended there.
MAX_RECORD = 16384

hub = get_hub()
loop = hub.loop
ready = deque()
BUF = bytearray(READ_SIZE)
VIEW = memoryview(BUF)


class Conn:
    """What both shapes share: the watchers, the service, the send queue."""

    __slots__ = ("sock", "reader", "writer", "r_on", "w_on", "read_ready", "write_ready", "queued",
                 "pending", "secure", "want_write")

    def __init__(self, sock):
        self.sock = sock
        fd = sock.fileno()
        self.reader = loop.io(fd, 1)
        self.writer = loop.io(fd, 2)
        self.read_ready = self.write_ready = self.queued = False
        self.pending = None         # [bytes-like, ...] the kernel (or OpenSSL) has not taken
        self.secure = False         # handshake done
        self.want_write = False     # OpenSSL waits for the descriptor to be writable
        self.r_on = True
        self.w_on = False
        self.reader.start(self.on_readable)

    # -- the hub's side: set a flag, queue the connection (gnet's _on_read_ready)
    def on_readable(self):
        self.read_ready = True
        if not self.queued:
            self.queued = True
            ready.append(self)

    def on_writable(self):
        self.write_ready = True
        if not self.queued:
            self.queued = True
            ready.append(self)

    # -- the service greenlet's side (gnet's StreamHandle.serve)
    def serve(self):
        while self.sock is not None:
            if self.read_ready:
                self.read_ready = False
                if self.pending is None:
                    self.do_read()
            elif self.write_ready:
                self.write_ready = False
                self.do_write()
            else:
                break
        if self.sock is not None:
            self.sync()

    def sync(self):
        """The watchers to match: read while nothing waits to be sent."""
        want_r = self.pending is None
        want_w = self.pending is not None or self.want_write
        if want_r is not self.r_on:
            self.r_on = want_r
            self.reader.start(self.on_readable) if want_r else self.reader.stop()
        if want_w is not self.w_on:
            self.w_on = want_w
            self.writer.start(self.on_writable) if want_w else self.writer.stop()

    def close(self):
        self.reader.stop()
        self.writer.stop()
        self.sock.close()
        self.sock = None


class SSLObjectConn(Conn):
    """ssl.SSLObject over MemoryBIOs fed by the connection's own recv/send."""

    __slots__ = ("incoming", "outgoing", "sslobj", "eof")

    def __init__(self, sock, context):
        Conn.__init__(self, sock)
        self.incoming = ssl.MemoryBIO()
        self.outgoing = ssl.MemoryBIO()
        self.sslobj = context.wrap_bio(self.incoming, self.outgoing, server_side=True)
        self.eof = False

    def do_read(self):
        sock = self.sock
        incoming = self.incoming
        for _ in range(READS_PER_WAKEUP):
            try:
                n = sock.recv_into(BUF)
            except BlockingIOError:
                break
            except OSError:
                return self.close()
            if not n:
                incoming.write_eof()
                self.eof = True
                break
            incoming.write(VIEW[:n])
            if n < READ_SIZE:
                break
        sslobj = self.sslobj
        if not self.secure:
            try:
                sslobj.do_handshake()
            except ssl.SSLWantReadError:
                self.flush()
                if self.eof and self.sock is not None:
                    self.close()
                return
            except (ssl.SSLError, OSError):
                self.flush()
                return self.close() if self.sock is not None else None
            self.secure = True
            if not incoming.pending:
                self.flush()    # else the tickets go with the echo of the data after them (as gnet)
        outgoing = self.outgoing
        while self.sock is not None:
            try:
                data = sslobj.read(READ_SIZE)
            except ssl.SSLWantReadError:
                break
            except ssl.SSLError:
                return self.close()
            if not data:
                return self.close()
            sslobj.write(data)
            self.send(outgoing.read())
            if self.pending is not None:
                return          # the rest waits in the BIO until the kernel takes the echo
            if not incoming.pending and not sslobj.pending():
                break           # nothing left to decrypt: no SSLWantReadError to pay for (as gnet)
        if self.sock is not None:
            self.flush()        # post-handshake messages
            if self.eof and self.sock is not None:
                self.close()

    def flush(self):
        if self.outgoing.pending and self.sock is not None:
            self.send(self.outgoing.read())

    def send(self, data):
        if self.pending is not None:
            self.pending.append(data)
            return
        try:
            sent = self.sock.send(data)
        except BlockingIOError:
            sent = 0
        except OSError:
            return self.close()
        if sent < len(data):
            self.pending = [memoryview(data)[sent:]]

    def do_write(self):
        queue = self.pending
        sock = self.sock
        while queue:
            data = queue[0]
            try:
                sent = sock.send(data)
            except BlockingIOError:
                return
            except OSError:
                return self.close()
            if sent < len(data):
                queue[0] = data[sent:]
                return
            queue.pop(0)
        self.pending = None
        # The incoming BIO may still hold records read before the kernel filled
        # up: the descriptor will not say so.
        self.read_ready = True


class SSLSocketConn(Conn):
    """A non-blocking ssl.SSLSocket on the descriptor: OpenSSL reads and writes it."""

    __slots__ = ("read_wants_write",)

    def __init__(self, sock, context):
        sslsock = context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        Conn.__init__(self, sslsock)
        self.read_wants_write = False

    def handshake(self):
        try:
            self.sock.do_handshake()
        except ssl.SSLWantReadError:
            self.want_write = False
            return False
        except ssl.SSLWantWriteError:
            self.want_write = True
            return False
        except (ssl.SSLError, OSError):
            self.close()
            return False
        self.want_write = False
        self.secure = True
        return True

    def do_read(self):
        if not self.secure and not self.handshake():
            return
        sock = self.sock
        for _ in range(READS_PER_WAKEUP * (READ_SIZE // MAX_RECORD)):
            try:
                data = sock.recv(READ_SIZE)
            except ssl.SSLWantReadError:
                break
            except ssl.SSLWantWriteError:
                # OpenSSL must write to go on reading (a key update): when writable.
                self.read_wants_write = self.want_write = True
                break
            except (ssl.SSLError, OSError):
                return self.close()
            if not data:
                return self.close()
            self.send(data)
            if self.sock is None or self.pending is not None:
                return
            if len(data) < MAX_RECORD and not sock.pending():
                # The end of what the peer wrote, as likely as not: rather than
                # pay for the SSLWantReadError the next recv would raise, leave
                # anything else to the read watcher (level-triggered; OpenSSL
                # reads no further ahead than the record it returns).
                break

    def send(self, data):
        try:
            sent = self.sock.send(data)
        except ssl.SSLWantWriteError:
            sent = 0        # OpenSSL keeps what it made; the same bytes are offered again
        except (ssl.SSLError, OSError):
            return self.close()
        if sent < len(data):
            self.pending = [data if sent == 0 else memoryview(data)[sent:]]

    def do_write(self):
        if not self.secure:
            if self.handshake():
                self.read_ready = True
            return
        if self.read_wants_write:
            self.read_wants_write = self.want_write = False
            self.read_ready = True
        queue = self.pending
        if queue:
            data = queue[0]
            self.pending = None
            self.send(data)
            if self.pending is None:
                self.read_ready = True


class ReadAheadConn(SSLSocketConn):
    """The SSLSocket shape with OpenSSL's read-ahead on (``SSL_CTX_set_read_ahead``,
    through ctypes as gnet's tls/_openssl/ reaches OpenSSL): one ``read`` of
    the kernel per record or less, where the plain SSLSocket makes two (the
    header, then the body). OpenSSL may then hold records the descriptor no
    longer announces, so reading goes on while ``SSL_has_pending`` says so."""

    __slots__ = ("ssl_ptr",)

    def __init__(self, sock, context):
        SSLSocketConn.__init__(self, sock, context)
        self.ssl_ptr = _openssl._core.ssl_of(self.sock)

    def do_read(self):
        if not self.secure and not self.handshake():
            return
        sock = self.sock
        has_pending = _has_pending
        ssl_ptr = self.ssl_ptr
        for _ in range(READS_PER_WAKEUP * (READ_SIZE // MAX_RECORD)):
            try:
                data = sock.recv(READ_SIZE)
            except ssl.SSLWantReadError:
                break
            except ssl.SSLWantWriteError:
                self.read_wants_write = self.want_write = True
                break
            except (ssl.SSLError, OSError):
                return self.close()
            if not data:
                return self.close()
            self.send(data)
            if self.sock is None or self.pending is not None:
                return
            if len(data) < MAX_RECORD and not has_pending(ssl_ptr):
                break           # nothing in OpenSSL: the read watcher says when the kernel has more

    def do_write(self):
        SSLSocketConn.do_write(self)
        if self.pending is None and self.secure:
            self.read_ready = True      # records OpenSSL read ahead wait for no readiness


_openssl = _has_pending = None


def read_ahead(context):
    """Turn read-ahead on for ``context``'s sessions; bind ``SSL_has_pending``."""
    global _openssl, _has_pending
    import ctypes
    from gnet.tls import _openssl
    if not _openssl.available:
        raise SystemExit("--shape sslsocket-ra: %s" % _openssl.why_unavailable)
    lib = _openssl._core.lib
    lib.SSL_CTX_ctrl(_openssl._core.ctx_of(context), 41, 1, None)    # SSL_CTRL_SET_READ_AHEAD
    lib.SSL_has_pending.restype = ctypes.c_int
    lib.SSL_has_pending.argtypes = [ctypes.c_void_p]
    _has_pending = lib.SSL_has_pending


def service():
    """The service greenlet: serve every queued connection, then back to the hub."""
    while True:
        while ready:
            conn = ready.popleft()
            conn.queued = False
            if conn.sock is not None:
                conn.serve()
        hub.switch()


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--shape", choices=("sslobject", "sslsocket", "sslsocket-ra"), required=True)
    args.add_argument("--port", type=int, default=0)
    args.add_argument("--certs", required=True)
    args = args.parse_args()
    read = lambda name: open(os.path.join(args.certs, name), "rb").read()  # noqa: E731

    # The very context gnet's tls.createServer({key, cert}) uses.
    from gnet.tls.server import server_config
    context = server_config({"key": read("server-key.pem"), "cert": read("server-cert.pem")}).context

    if args.shape == "sslsocket-ra":
        read_ahead(context)

        def make(fd):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0, fileno=fd)
            sock.setblocking(False)
            ReadAheadConn(sock, context)
    elif args.shape == "sslobject":
        def make(fd):
            sock = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM, 0, fileno=fd)
            sock.setblocking(False)
            SSLObjectConn(sock, context)
    else:
        def make(fd):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0, fileno=fd)
            sock.setblocking(False)
            SSLSocketConn(sock, context)

    listener = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
    listener.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(511)
    listener.setblocking(False)

    def on_accept():
        while True:
            try:
                fd, _ = listener._accept()
            except BlockingIOError:
                return
            except OSError:
                continue
            make(fd)

    accepting = loop.io(listener.fileno(), 1)
    accepting.start(on_accept)
    worker = greenlet(service, parent=hub)
    checker = loop.check(ref=False)
    checker.priority = -2               # gnet's SERVICE_PRIORITY: after every other watcher
    checker.start(lambda: worker.switch() if ready else None)
    print("ready port=%d" % listener.getsockname()[1], flush=True)
    gevent.wait()


if __name__ == "__main__":
    main()
