"""``python -m bench.compiled_micro``: gnet's own cost per echoed message, in one process.

    python -m bench.compiled_micro [--messages 20000] [--batches 15]
    GNET_PURE_PYTHON=1 python -m bench.compiled_micro      # the pure-Python build

The steadier twin of ``python -m bench --peers gnet,gnet-pure`` for comparing
gnet's two builds (gnet/_build.py) on a busy machine: no loop turn, no load
generator, no scheduling. One socketpair; the client end is a blocking
socket in this thread, the other end a ``gnet.Socket`` echoing with
``c.on('data', c.write)``. Per message: the client sends 64 bytes; the handle's
watcher callback (``_on_read_ready``) and the service's call (``serve``:
``_read`` -> ``push`` -> ``emit`` -> ``write`` -> ``try_write``) run as in the
loop; the client reads the echo. The floor is the same exchange with the
server end's bare ``recv`` and ``send``. Batches interleave the two; it prints
the medians (µs per message) and the median of gnet minus the floor: what
gnet's per-message Python costs beyond the system calls, without the
switch to the service greenlet (paid once per loop turn).
"""

import argparse
import socket
import statistics
import time

import gevent
from greenlet import getcurrent

import gnet

MESSAGE = b"x" * 64


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.compiled_micro", description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=20000, help="messages per batch")
    parser.add_argument("--batches", type=int, default=15)
    args = parser.parse_args(argv)

    client, server_end = socket.socketpair()
    sock = gnet.Socket({"fd": server_end.detach()})
    sock.on("data", sock.write)
    client.sendall(MESSAGE)
    gevent.sleep(0.05)              # the loop starts the flow and echoes once
    assert client.recv(100) == MESSAGE
    handle = sock._handle
    ready = handle._gloop.ready
    me, ticks = getcurrent(), []

    def gnet_batch(n):
        send, recv = client.send, client.recv
        start = time.perf_counter()
        for _ in range(n):
            send(MESSAGE)
            handle._on_read_ready()
            ready.popleft()
            handle.queued = False
            handle.serve(me, ticks)
            recv(100)
        return (time.perf_counter() - start) / n * 1e6

    floor_client, floor_server = socket.socketpair()

    def floor_batch(n):
        send, recv, srecv, ssend = floor_client.send, floor_client.recv, floor_server.recv, floor_server.send
        start = time.perf_counter()
        for _ in range(n):
            send(MESSAGE)
            ssend(srecv(65536))
            recv(100)
        return (time.perf_counter() - start) / n * 1e6

    ours, floor = [], []
    for _ in range(args.batches):
        ours.append(gnet_batch(args.messages))
        floor.append(floor_batch(args.messages))
    diff = [a - b for a, b in zip(ours, floor)]
    print("gnet %s build: %.3f us/msg, floor %.3f, gnet - floor %.3f (min %.3f)" % (
        "compiled" if gnet.compiled else "pure-Python", statistics.median(ours), statistics.median(floor),
        statistics.median(diff), min(diff)))
    sock.destroy()


if __name__ == "__main__":
    main()
