"""The Python half of compat/psk_case.js: the same cases, the same trace."""
import gnet
import gnet.tls as tls
from compat.tls_case import resolve, sides

__all__ = ["run_psk_cases", "KEY"]

KEY = bytes.fromhex("d731ef57be09e5204f0b205b60627028")


def error_text(err):
    code = getattr(err, "code", None)
    if isinstance(code, str) and code.startswith("ERR_SSL_"):
        return [err, err.library, err.reason]
    return [err, str(err)]


def cert_text(cert):
    # A certificate by its subject's CN (the whole object is {} without one).
    return "CN=" + cert["subject"]["CN"] if cert and "subject" in cert else cert


def _run_one(label, server_opts, client_opts, then):
    c, s, report = sides()
    pending = [2]

    def done():
        pending[0] -= 1
        if pending[0]:
            return
        server.close()

        def report_case():
            # A server's 'tlsClientError' for a connection that hung up follows its 'close'.
            print("case", label, flush=True)
            report()
            then()
        gnet.setImmediate(report_case)

    sopts = resolve(server_opts)
    user_server_cb = server_opts.get("pskCallback")
    if callable(user_server_cb):
        def server_cb(sock, identity):
            s("pskCallback", identity, isinstance(sock, tls.TLSSocket))
            return user_server_cb(sock, identity)
        sopts["pskCallback"] = server_cb

    def on_secure(sock):
        s("secureConnection", sock.authorized, sock.authorizationError, sock.getProtocol(), sock.getCipher(),
          cert_text(sock.getPeerCertificate()), cert_text(sock.getCertificate()), sock.isSessionReused(),
          sock.alpnProtocol, sock.servername)

        def on_data(d):
            s("data", d)
            sock.end("pong")
        sock.on("data", on_data)
        sock.on("end", lambda: s("end"))

    server = tls.createServer(sopts, on_secure)
    server.on("tlsClientError", lambda err, sock: s("tlsClientError", *error_text(err), sock.destroyed))

    def on_connection(sock):
        s("connection")

        def on_close(had_error):
            s("close", had_error)
            done()
        sock.on("close", on_close)

    server.on("connection", on_connection)

    def listening():
        copts = dict({"port": server.address()["port"], "host": "127.0.0.1",
                      "checkServerIdentity": lambda *a: None}, **resolve(client_opts))
        user_client_cb = client_opts.get("pskCallback")
        if callable(user_client_cb):
            def client_cb(hint):
                c("pskCallback", hint)
                return user_client_cb(hint)
            copts["pskCallback"] = client_cb
        sock = tls.connect(copts)
        sock.on("connect", lambda: c("connect", sock.destroyed))

        def on_secure_connect():
            c("secureConnect", sock.authorized, sock.authorizationError, sock.getProtocol(), sock.getCipher(),
              cert_text(sock.getPeerCertificate()), sock.isSessionReused(), sock.getEphemeralKeyInfo())
            sock.write("ping")

        def on_close(had_error):
            c("close", had_error)
            done()

        sock.on("secureConnect", on_secure_connect)
        sock.on("data", lambda d: c("data", d))
        sock.on("error", lambda err: c("error", *error_text(err)))
        sock.on("end", lambda: c("end"))
        sock.on("close", on_close)

    server.listen(0, "127.0.0.1", listening)


def run_psk_cases(cases):
    """``cases``: ``[(label, server_opts, client_opts), ...]``, run in turn."""
    def run(i):
        if i < len(cases):
            _run_one(*cases[i], lambda: run(i + 1))
    run(0)
    gnet.run()
