"""gnet.tls: the plainest TLS echo server (the TLS twin of gnet_echo.py).

    python gnet_tls_echo.py --port 0 --certs DIR   -> prints "ready port=N"
DIR holds server-cert.pem and server-key.pem (compat/tls_certs.py writes them).
"""
import argparse
import os

import gnet
import gnet.tls as tls

args = argparse.ArgumentParser()
args.add_argument("--port", type=int, default=0)
args.add_argument("--certs", required=True)
args = args.parse_args()
read = lambda name: open(os.path.join(args.certs, name), "rb").read()  # noqa: E731

server = tls.createServer({"key": read("server-key.pem"), "cert": read("server-cert.pem")},
                          lambda c: c.on('data', c.write))
server.listen(args.port, "127.0.0.1", lambda: print("ready port=%d" % server.address()["port"], flush=True))
gnet.run()
