"""The soak's gnet server (bench/soak.py): an echo server that survives its clients.

    python soak_gnet.py --port 0 [--pipe] [--stats]   -> prints "ready port=N"

Each connection echoes with ``c.on('data', c.write)`` (or ``c.pipe(c)`` with
``--pipe``: backpressure both ways) and has an 'error' listener, as a real
server has: a client that resets is that connection's problem only. With
``--stats``, SIGUSR2 prints one line of the server's own counts: live
greenlets, and the loop's active (ref'd) libev watchers (bench/longrun.py).
"""
import argparse
import gc

import greenlet
from gevent.hub import get_hub

import gnet

args = argparse.ArgumentParser()
args.add_argument("--port", type=int, default=0)
args.add_argument("--pipe", action="store_true")
args.add_argument("--stats", action="store_true")
args = args.parse_args()


def print_stats(*_):
    greenlets = sum(1 for o in gc.get_objects() if isinstance(o, greenlet.greenlet) and not o.dead)
    print("stats greenlets=%d watchers=%d" % (greenlets, get_hub().loop.activecnt), flush=True)


if args.stats:
    gnet.process.on("SIGUSR2", print_stats)


def on_connection(c):
    c.on("error", lambda err: None)
    if args.pipe:
        c.pipe(c)
    else:
        c.on("data", c.write)


server = gnet.createServer(on_connection)
server.listen(args.port, "127.0.0.1", lambda: print("ready port=%d" % server.address()["port"], flush=True))
gnet.run()
