"""gnet: the plainest echo server, as in the issue.

    python gnet_echo.py --port 0 | --path /tmp/x.sock [--pipe]   -> prints "ready port=N"
"""
import argparse

import gnet

args = argparse.ArgumentParser()
args.add_argument("--port", type=int)
args.add_argument("--path")
args.add_argument("--pipe", action="store_true", help="echo with c.pipe(c)")
args = args.parse_args()

if args.pipe:
    server = gnet.createServer(lambda c: c.pipe(c))
else:
    server = gnet.createServer(lambda c: c.on('data', c.write))
if args.path:
    server.listen(args.path, lambda: print("ready path=%s" % args.path, flush=True))
else:
    server.listen(args.port, "127.0.0.1",
                  lambda: print("ready port=%d" % server.address()["port"], flush=True))
gnet.run()
