"""``python -m gnet``: the echo server from Node's docs, and a small ``nc``.

    python -m gnet echo [--port 8124] [--host HOST] [--path UNIX_PATH] [--tls --cert FILE --key FILE]
    python -m gnet connect HOST PORT        (or: connect --path UNIX_PATH) [--tls [--ca FILE]]
    python -m gnet bench [--quick] [...]    (from a source checkout: bench/)
"""

import argparse
import os
import signal
import sys

import gevent
from gevent import os as gos

import gnet


#: What ``python -m gnet --help`` says first (the module docstring is for readers of the code).
DESCRIPTION = """gnet: Node's net module on gevent.

  echo      Node's echo server: greets each client, echoes what it sends
  connect   standard input to a socket, the socket to standard output (like nc)
  bench     gnet beside Node and other servers (a source checkout's bench/)"""


def port_number(text):
    """An argparse type: a TCP port, 0 to 65535, as a number."""
    try:
        port = int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError("%r is not a port number" % text) from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError("%s is not a port: ports are 0 to 65535" % text)
    return port


def die_like_node_on_sigint(cleanup=None):
    """Ctrl-C ends the program at once and quietly, as it ends a Node program:
    killed by SIGINT (status 130 in a shell), no traceback. ``cleanup()`` runs
    first (the terminal's standard input must not stay non-blocking)."""
    def on_sigint(signum, frame):
        if cleanup is not None:
            cleanup()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)

    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:    # as a background job, it stays ignored
        signal.signal(signal.SIGINT, on_sigint)


def echo(args):
    """Node's echo server (net docs, ``net.createServer``), line for line."""
    die_like_node_on_sigint()

    def on_connection(c):
        print("client connected", flush=True)
        c.on("end", lambda: print("client disconnected", flush=True))
        c.write("hello\r\n")
        c.pipe(c)

    def on_error(err):
        raise err

    if args.tls:
        from gnet import tls
        with open(args.cert, "rb") as f:
            cert = f.read()
        with open(args.key, "rb") as f:
            key = f.read()
        # Node's TLS echo: the same listener, for 'secureConnection'.
        server = tls.createServer({"cert": cert, "key": key}, on_connection)
    else:
        server = gnet.createServer(on_connection)
    server.on("error", on_error)
    bound = lambda: print("server bound on %s" % (server.address(),), flush=True)  # noqa: E731
    if args.path:
        server.listen(args.path, bound)
    elif args.host:
        server.listen(args.port, args.host, bound)
    else:
        server.listen(args.port, bound)
    gnet.run()


def connect(args):
    """Standard input to the socket, the socket to standard output."""
    out = sys.stdout.buffer
    if args.tls:
        from gnet import tls
        opts = {"servername": args.host} if args.host and not gnet.isIP(args.host) else {}
        if args.ca:
            with open(args.ca, "rb") as f:
                opts["ca"] = f.read()
        target = {"path": args.path} if args.path else {"port": args.port, "host": args.host}
        sock = tls.connect(dict(target, **opts))
        ready = "secureConnect"      # stdin flows once the handshake is done and the server verified
    else:
        sock = gnet.connect(args.path) if args.path else gnet.connect(args.port, args.host)
        ready = "connect"
    reader = []
    status = [0]

    def pump_stdin():
        fd = sys.stdin.fileno()
        while True:
            data = gos.nb_read(fd, 65536)
            if not data:
                sock.end()
                return
            sock.write(data)

    def on_connect():
        reader.append(gevent.spawn(pump_stdin))

    def on_data(chunk):
        out.write(chunk)
        out.flush()

    def on_close(*_):
        for glet in reader:
            glet.kill(block=False)

    def on_error(err):
        print("gnet connect: %s" % err, file=sys.stderr, flush=True)
        status[0] = 1

    sock.on(ready, on_connect)
    sock.on("data", on_data)
    sock.on("error", on_error)
    sock.on("close", on_close)
    die_like_node_on_sigint(lambda: os.set_blocking(sys.stdin.fileno(), True))
    os.set_blocking(sys.stdin.fileno(), False)
    try:
        gnet.run()
    finally:
        os.set_blocking(sys.stdin.fileno(), True)
    return status[0]


def bench(argv):
    """The benchmark harness (bench/ beside gnet/ in a source checkout); see bench/README.md.

    This process becomes ``python -m bench ARGV`` with the checkout first on
    ``PYTHONPATH``, rather than putting the checkout on its own ``sys.path``
    (bench/ is not part of the installed package): the same program as
    ``python -m bench`` from the checkout, whose signals and exit status are
    its own, and relative paths (``--out``, ``--render``) still read from the
    caller's directory, which a subprocess run from the checkout would change.
    ``-P`` (Python 3.11+) keeps a ``bench`` in that directory from shadowing
    the checkout's. Does not return.
    """
    root = os.path.dirname(os.path.dirname(os.path.abspath(gnet.__file__)))
    if not os.path.isfile(os.path.join(root, "bench", "run.py")):
        raise SystemExit("python -m gnet bench runs from a gnet source checkout (it needs bench/ "
                         "beside gnet/, and %s has none)" % root)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    safe_path = ["-P"] if sys.version_info >= (3, 11) else []
    os.execve(sys.executable, [sys.executable] + safe_path + ["-m", "bench"] + list(argv), env)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["bench"]:
        # bench parses its own options (argparse.REMAINDER after a subcommand
        # refuses a first argument starting with "-", as in "bench --quick").
        return bench(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m gnet", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="{echo,connect,bench}")
    p_echo = sub.add_parser("echo", help="run Node's echo server (greets, echoes, logs)",
                            description="Node's echo server: greets each client with 'hello', "
                                        "echoes what it sends, logs connections.")
    p_echo.add_argument("--port", type=port_number, default=8124,
                        help="TCP port to listen on; 0 picks a free one (default: %(default)s)")
    p_echo.add_argument("--host", default=None,
                        help="address or name to listen on (default: every address, '::' or 0.0.0.0)")
    p_echo.add_argument("--path", default=None,
                        help="listen on this Unix socket instead of TCP (default: none)")
    p_echo.add_argument("--tls", action="store_true",
                        help="serve TLS (gnet.tls, Node's tls.createServer) (default: plain TCP)")
    p_echo.add_argument("--cert", default=None, help="PEM certificate (chain) for --tls (default: none)")
    p_echo.add_argument("--key", default=None, help="PEM private key for --tls (default: none)")
    p_echo.set_defaults(run=echo)
    p_conn = sub.add_parser("connect", help="stdin to a socket, the socket to stdout (like nc)",
                            description="Send standard input to a server and print what it sends, "
                                        "until either side ends.")
    p_conn.add_argument("host", nargs="?", help="host name or address to connect to (default: none)")
    p_conn.add_argument("port", nargs="?", type=port_number, help="TCP port (default: none)")
    p_conn.add_argument("--path", default=None,
                        help="connect to this Unix socket instead of HOST PORT (default: none)")
    p_conn.add_argument("--tls", action="store_true",
                        help="connect with TLS (Node's tls.connect), verifying the server (default: plain TCP)")
    p_conn.add_argument("--ca", default=None,
                        help="PEM CA certificates to trust with --tls (default: the system's)")
    p_conn.set_defaults(run=connect)
    # Listed for --help only; main() hands "bench ..." to bench() before parsing.
    sub.add_parser("bench", help="gnet against Node and the Python peers (bench/README.md)",
                   add_help=False)
    args = parser.parse_args(argv)
    if args.run is connect and not args.path and (args.host is None or args.port is None):
        p_conn.error("give HOST and PORT, or --path PATH")
    if args.run is connect and args.ca and not args.tls:
        p_conn.error("--ca needs --tls")
    if args.run is echo and args.tls and not (args.cert and args.key):
        p_echo.error("--tls needs --cert FILE and --key FILE")
    if args.run is echo and (args.cert or args.key) and not args.tls:
        p_echo.error("--cert and --key need --tls")
    return args.run(args) or 0


if __name__ == "__main__":
    sys.exit(main())
