"""The Python half of compat/tls_case.js: the same case, the same trace."""
import collections
import os

import gnet
import gnet.tls as tls
from compat.trace import fmt

__all__ = ["run_case", "cert", "resolve", "sides", "session_store"]


def cert(name):
    folder = os.environ.get("GNET_TLS_CERTS")
    if not folder:
        raise RuntimeError("GNET_TLS_CERTS is not set: run through python -m compat")
    with open(os.path.join(folder, name), "rb") as f:
        return f.read()


def resolve(opts):
    return {k: cert(v[5:]) if isinstance(v, str) and v.startswith("file:") else v
            for k, v in (opts or {}).items()}


Sides = collections.namedtuple("Sides", "c s report")


def sides():
    """Each side's events recorded apart: ``c(...)`` for the client's, ``s(...)``
    for the server's, one line of fmt'd values a call. ``report(*prefix)``
    prints the client's lines, then the server's, each after the prefix and its
    side: the order between the two sides is the kernel's, not Node's."""
    client_log, server_log = [], []

    def report(*prefix):
        for line in client_log:
            print(*prefix, "client", line, flush=True)
        for line in server_log:
            print(*prefix, "server", line, flush=True)

    return Sides(lambda *a: client_log.append(" ".join(fmt(x) for x in a)),
                 lambda *a: server_log.append(" ".join(fmt(x) for x in a)),
                 report)


def session_store(server, s):
    """A server's cache of TLS 1.2 sessions by id, kept by its 'newSession' and
    'resumeSession' listeners; ``s(...)`` hears each call."""
    store = {}

    def on_new_session(sid, data, cb):
        s("newSession")
        store[sid.hex()] = data
        cb()

    def on_resume_session(sid, cb):
        s("resumeSession")
        cb(None, store.get(sid.hex()))

    server.on("newSession", on_new_session)
    server.on("resumeSession", on_resume_session)


def run_case(server_opts, client_opts, server_hook=None, client_hook=None):
    c, s, report = sides()
    pending = [2]

    def done():
        pending[0] -= 1
        if pending[0]:
            return
        server.close()
        report()

    def on_secure(sock):
        s("secureConnection", sock.authorized, sock.authorizationError, sock.alpnProtocol, sock.servername,
          sock.getProtocol())
        if server_hook:
            server_hook(sock, s)
        sock.on("data", lambda d: s("data", d))
        sock.on("end", lambda: s("end"))
        sock.resume()

    server = tls.createServer(resolve(server_opts), on_secure)
    server.on("tlsClientError", lambda err, sock: s("tlsClientError", err, sock.destroyed))

    def on_connection(sock):
        def on_close(had_error):
            s("close", had_error)
            done()
        sock.on("close", on_close)

    server.on("connection", on_connection)

    def listening():
        opts = dict({"port": server.address()["port"], "host": "127.0.0.1"}, **resolve(client_opts))
        sock = tls.connect(opts)
        sock.on("connect", lambda: c("connect"))

        def on_secure_connect():
            c("secureConnect", sock.authorized, sock.authorizationError, sock.alpnProtocol, sock.servername,
              sock.getProtocol())
            if client_hook:
                client_hook(sock, c)
            else:
                sock.end("bye")

        def on_close(had_error):
            c("close", had_error)
            done()

        sock.on("secureConnect", on_secure_connect)
        sock.on("data", lambda d: c("data", d))
        sock.on("error", lambda err: c("error", err))
        sock.on("end", lambda: c("end"))
        sock.on("close", on_close)

    server.listen(0, "127.0.0.1", listening)
    gnet.run()
