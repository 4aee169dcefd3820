"""gevent: StreamServer with a recv/sendall loop per connection.

    python gevent_streamserver.py --port 0 | --path /tmp/x.sock   -> prints "ready port=N"
"""
import argparse
import os

from gevent import socket
from gevent.server import StreamServer


def echo(sock, address):
    while True:
        data = sock.recv(65536)
        if not data:
            break
        sock.sendall(data)


args = argparse.ArgumentParser()
args.add_argument("--port", type=int)
args.add_argument("--path")
args = args.parse_args()

if args.path:
    if os.path.exists(args.path):
        os.unlink(args.path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(args.path)
    listener.listen(511)
    server = StreamServer(listener, echo)
else:
    server = StreamServer(("127.0.0.1", args.port), echo)
server.start()
print("ready path=%s" % args.path if args.path else "ready port=%d" % server.server_port, flush=True)
server.serve_forever()
