"""asyncio Protocol: data_received writes straight back to the transport.

    python asyncio_protocol.py --port 0 | --path /tmp/x.sock   -> prints "ready port=N"
"""
import argparse
import asyncio


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)


async def main(args):
    loop = asyncio.get_running_loop()
    if args.path:
        server = await loop.create_unix_server(Echo, args.path)
        print("ready path=%s" % args.path, flush=True)
    else:
        server = await loop.create_server(Echo, "127.0.0.1", args.port)
        print("ready port=%d" % server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int)
parser.add_argument("--path")
asyncio.run(main(parser.parse_args()))
