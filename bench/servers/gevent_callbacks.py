"""The floor of Python on gevent's loop: echo from libev io-watcher callbacks.

    python gevent_callbacks.py --port 0 | --path /tmp/x.sock   -> prints "ready port=N"

Not a server anyone should write: the callbacks run in the hub, so nothing in
them may block, and there is no stream, no event, no buffering policy beyond
"stop reading while the kernel will not take more". It measures what the
interpreter and gevent's loop cost per message with nothing else on top, so
the report can tell gnet's own cost from CPython's: one ``recv`` and one
``send`` per wake-up, on raw non-blocking sockets, from a callback libev calls.
"""
import argparse
import os

import _socket
import gevent
from gevent.hub import get_hub

READ_SIZE = 65536

loop = get_hub().loop


class Connection:
    __slots__ = ("sock", "reader", "writer", "pending")

    def __init__(self, sock):
        sock.setblocking(False)
        self.sock = sock
        self.pending = None         # bytes the kernel did not take yet
        self.reader = loop.io(sock.fileno(), 1)
        self.writer = loop.io(sock.fileno(), 2)
        self.reader.start(self.on_readable)

    def on_readable(self):
        try:
            data = self.sock.recv(READ_SIZE)
        except BlockingIOError:
            return
        except OSError:
            return self.close()
        if not data:
            return self.close()
        try:
            sent = self.sock.send(data)
        except BlockingIOError:
            sent = 0
        except OSError:
            return self.close()
        if sent < len(data):
            self.pending = data[sent:]
            self.reader.stop()
            self.writer.start(self.on_writable)

    def on_writable(self):
        try:
            sent = self.sock.send(self.pending)
        except BlockingIOError:
            return
        except OSError:
            return self.close()
        self.pending = self.pending[sent:]
        if not self.pending:
            self.writer.stop()
            self.reader.start(self.on_readable)

    def close(self):
        self.reader.stop()
        self.writer.stop()
        self.sock.close()


def serve(listener):
    listener.setblocking(False)
    family = listener.family

    def on_accept():
        while True:
            try:
                fd, _ = listener._accept()
            except BlockingIOError:
                return
            except OSError:
                continue
            Connection(_socket.socket(family, _socket.SOCK_STREAM, 0, fileno=fd))

    watcher = loop.io(listener.fileno(), 1)
    watcher.start(on_accept)
    return watcher


args = argparse.ArgumentParser()
args.add_argument("--port", type=int)
args.add_argument("--path")
args = args.parse_args()

if args.path:
    if os.path.exists(args.path):
        os.unlink(args.path)
    listener = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    listener.bind(args.path)
else:
    listener = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
    listener.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
listener.listen(511)
accepting = serve(listener)
print("ready path=%s" % args.path if args.path else "ready port=%d" % listener.getsockname()[1],
      flush=True)
gevent.wait()
