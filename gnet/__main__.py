"""``python -m gnet``: the echo server from Node's docs, and a small ``nc``.

    python -m gnet echo [--port 8124] [--host HOST] [--path UNIX_PATH]
    python -m gnet connect HOST PORT        (or: connect --path UNIX_PATH)
    python -m gnet bench [--quick] [...]    (from a source checkout: bench/)
"""

import argparse
import os
import sys

import gevent
from gevent import os as gos

import gnet


def echo(args):
    """Node's echo server (net docs, ``net.createServer``), line for line."""
    def on_connection(c):
        print("client connected", flush=True)
        c.on("end", lambda: print("client disconnected", flush=True))
        c.write("hello\r\n")
        c.pipe(c)

    def on_error(err):
        raise err

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
    if args.path:
        sock = gnet.connect(args.path)
    else:
        if args.host is None or args.port is None:
            raise SystemExit("usage: python -m gnet connect HOST PORT  (or --path PATH)")
        sock = gnet.connect(int(args.port), args.host)
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

    sock.on("connect", on_connect)
    sock.on("data", on_data)
    sock.on("error", on_error)
    sock.on("close", on_close)
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
    parser = argparse.ArgumentParser(prog="python -m gnet", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p_echo = sub.add_parser("echo", help="run Node's echo server (greets, echoes, logs)")
    p_echo.add_argument("--port", type=int, default=8124)
    p_echo.add_argument("--host", default=None)
    p_echo.add_argument("--path", default=None, help="listen on a Unix socket instead")
    p_echo.set_defaults(run=echo)
    p_conn = sub.add_parser("connect", help="stdin to a socket, the socket to stdout (like nc)")
    p_conn.add_argument("host", nargs="?")
    p_conn.add_argument("port", nargs="?")
    p_conn.add_argument("--path", default=None, help="connect to a Unix socket instead")
    p_conn.set_defaults(run=connect)
    # Listed for --help only; main() hands "bench ..." to bench() before parsing.
    sub.add_parser("bench", help="gnet against Node and the Python peers (bench/README.md)",
                   add_help=False)
    args = parser.parse_args(argv)
    return args.run(args) or 0


if __name__ == "__main__":
    sys.exit(main())
