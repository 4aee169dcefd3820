import gnet
from compat.trace import show


def on_source_connection(conn):
    conn.end('hello through a pipe')
    conn.on('close', lambda: source.close())


def on_sink_connection(conn):
    got = []
    conn.on('data', lambda d: got.append(d))

    def on_end():
        show('sink got', b''.join(got).decode())
        conn.end()
        sink.close()
    conn.on('end', on_end)


source = gnet.createServer(on_source_connection)
sink = gnet.createServer(on_sink_connection)


def on_sink_listening():
    dest = None

    def on_dest_connect():
        src = gnet.connect(source.address()['port'], '127.0.0.1')
        dest.on('pipe', lambda s: show('dest pipe', s is src, src.readableFlowing))
        dest.on('unpipe', lambda s: show('dest unpipe', s is src, dest.writableEnded))
        dest.on('finish', lambda: show('dest finish'))
        dest.on('close', lambda: show('dest close'))
        src.on('end', lambda: show('src end'))
        show('pipe returns dest', src.pipe(dest) is dest)
        show('after pipe', src.readableFlowing)

    dest = gnet.connect(sink.address()['port'], '127.0.0.1', on_dest_connect)


source.listen(0, '127.0.0.1', lambda: sink.listen(0, '127.0.0.1', on_sink_listening))
gnet.run()
