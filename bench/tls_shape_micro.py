"""``python -m bench.tls_shape_micro``: the TLS shapes' server-side cost per message, in one process.

    python -m bench.tls_shape_micro [--batches 15] [--messages 2000] [--chunks 200]

The steadier twin of ``python -m bench.tls --peers sslobject,sslsocket,...``
on a busy machine: no loop, no load generator, no scheduling. One TCP
connection over loopback; the client (a blocking ``SSLSocket`` in the same
thread) writes a message, the server's connection object from
bench/servers/tls_shape.py (the same class the bench runs) is called to
read and echo it (``do_read``, timed alone with ``perf_counter``), and the
client reads the echo back. Per shape, batches of ``--messages`` 64-byte
messages and of ``--chunks`` 64 KiB chunks, the shapes interleaved batch by
batch; it prints the median and the minimum over the batches of the
server's time per message (µs) and per MB (ms), and each shape's ratio to
``sslobject``. The kernel's work for the server's own system calls is in
the figure (they are made inside ``do_read``), the TCP delivery to the
client partly so, the same for every shape. Both ends set ``TCP_NODELAY``:
otherwise Nagle holds a 64 KiB echo's last segment for the client's delayed
ACK, and the server would be timed polling meanwhile.
"""

import argparse
import importlib.util
import os
import shutil
import socket
import ssl
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SHAPES = ("sslobject", "sslsocket", "sslsocket-ra")


def _load_shapes():
    spec = importlib.util.spec_from_file_location("tls_shape", os.path.join(HERE, "servers", "tls_shape.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pair(mod, shape, context, client_ctx):
    """A connected (client SSLSocket, server connection object), handshake done."""
    listener = socket.create_server(("127.0.0.1", 0))
    client_raw = socket.create_connection(listener.getsockname())
    server_raw, _ = listener.accept()
    listener.close()
    # Without it, Nagle holds an echo's last segment until the client's delayed
    # ACK, and the loop below would time the server polling meanwhile.
    for sock in (client_raw, server_raw):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    server_raw.setblocking(False)
    if shape == "sslobject":
        conn = mod.SSLObjectConn(server_raw, context)
    elif shape == "sslsocket":
        conn = mod.SSLSocketConn(server_raw, context)
    else:
        conn = mod.ReadAheadConn(server_raw, context)
    client_raw.setblocking(False)
    client = client_ctx.wrap_socket(client_raw, server_hostname="localhost", do_handshake_on_connect=False)
    for _ in range(1000):
        try:
            client.do_handshake()
            break
        except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
            pass
        conn.do_read()
    else:
        raise RuntimeError("%s: the handshake did not finish" % shape)
    client.setblocking(True)
    # The server's session tickets (TLS 1.3) go out now, not in the first timed message.
    client.sendall(b"x")
    _serve_until(conn, client, 1)
    return client, conn


def _serve_until(conn, client, size):
    """Have the server echo ``size`` bytes the client wrote; the server's time (s)."""
    elapsed = 0.0
    got = 0
    clock = time.perf_counter
    while got < size:
        t0 = clock()
        if conn.pending is None:
            conn.do_read()
        else:
            conn.do_write()     # as the service: no reading while the echo waits for the kernel
        elapsed += clock() - t0
        if conn.sock is None:
            raise RuntimeError("the server closed the connection")
        client.settimeout(0.0)
        while got < size:
            try:
                data = client.recv(65536)
            except (ssl.SSLWantReadError, BlockingIOError):
                break
            if not data:
                raise RuntimeError("the server closed the connection")
            got += len(data)
        client.settimeout(None)
    return elapsed


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m bench.tls_shape_micro", description=__doc__.split("\n\n")[0])
    ap.add_argument("--batches", type=int, default=15)
    ap.add_argument("--messages", type=int, default=2000, help="64-byte messages per batch")
    ap.add_argument("--chunks", type=int, default=200, help="64 KiB chunks per batch")
    args = ap.parse_args(argv)
    from compat import tls_certs
    from gnet.tls.server import server_config
    mod = _load_shapes()
    workdir = tempfile.mkdtemp(prefix="gnet-tls-micro-")
    try:
        return _run(args, mod, tls_certs.write(workdir), server_config)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _run(args, mod, certs, server_config):
    read = lambda name: open(os.path.join(certs, name), "rb").read()  # noqa: E731
    client_ctx = ssl.create_default_context(cafile=os.path.join(certs, "ca.pem"))
    contexts = {}
    for shape in SHAPES:   # one context per shape: read-ahead is a context setting
        contexts[shape] = server_config({"key": read("server-key.pem"), "cert": read("server-cert.pem")}).context
    mod.read_ahead(contexts["sslsocket-ra"])
    pairs = {shape: _pair(mod, shape, contexts[shape], client_ctx) for shape in SHAPES}
    small, chunk = b"a" * 64, os.urandom(65536)
    results = {(shape, kind): [] for shape in SHAPES for kind in ("msg", "chunk")}
    for batch in range(args.batches):
        order = SHAPES[batch % len(SHAPES):] + SHAPES[:batch % len(SHAPES)]
        for shape in order:
            client, conn = pairs[shape]
            spent = 0.0
            for _ in range(args.messages):
                client.sendall(small)
                spent += _serve_until(conn, client, len(small))
            results[shape, "msg"].append(spent / args.messages * 1e6)
            spent = 0.0
            for _ in range(args.chunks):
                client.sendall(chunk)
                spent += _serve_until(conn, client, len(chunk))
            results[shape, "chunk"].append(spent / (args.chunks * len(chunk) / 1e6) * 1e3)
    print("%-13s %22s %22s" % ("shape", "64 B: µs/msg med (min)", "64 KiB: ms/MB med (min)"))
    base = {kind: statistics.median(results["sslobject", kind]) for kind in ("msg", "chunk")}
    for shape in SHAPES:
        cells = []
        for kind in ("msg", "chunk"):
            xs = results[shape, kind]
            med = statistics.median(xs)
            cells.append("%6.2f (%5.2f) %5.2fx" % (med, min(xs), med / base[kind]))
        print("%-13s %22s %22s" % (shape, cells[0], cells[1]))
    for client, conn in pairs.values():
        client.close()
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
