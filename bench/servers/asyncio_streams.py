"""asyncio streams: start_server with a read/write/drain loop per connection.

    python asyncio_streams.py --port 0 | --path /tmp/x.sock   -> prints "ready port=N"
"""
import argparse
import asyncio


async def echo(reader, writer):
    while True:
        data = await reader.read(65536)
        if not data:
            break
        writer.write(data)
        await writer.drain()
    writer.close()


async def main(args):
    if args.path:
        server = await asyncio.start_unix_server(echo, args.path)
        print("ready path=%s" % args.path, flush=True)
    else:
        server = await asyncio.start_server(echo, "127.0.0.1", args.port)
        print("ready port=%d" % server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int)
parser.add_argument("--path")
asyncio.run(main(parser.parse_args()))
