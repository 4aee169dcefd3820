import gnet
from compat.trace import show


def on_source_connection(conn):
    conn.write('one')
    conn.once('data', lambda d: conn.end('two'))
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
        other = gnet.Socket()
        dest.on('unpipe', lambda s: show('dest unpipe', s is src))
        other.on('unpipe', lambda: show('other unpipe'))
        src.pipe(dest)
        show('unpipe other returns src', src.unpipe(other) is src, src.readableFlowing)
        src.on('data', lambda d: show('src data', d.decode()))

        def on_end():
            show('src end, dest writableEnded', dest.writableEnded)
            dest.end()
        src.on('end', on_end)

        def poll():
            if src.readableLength < 3:
                gnet.setImmediate(poll)
                return
            show('buffered', src.readableLength)
            src.resume()

        def on_first(d):
            show('unpipe returns src', src.unpipe(dest) is src)
            show('after unpipe', src.readableFlowing, src.isPaused())
            show('unpipe again returns src', src.unpipe() is src)
            src.write('ack')
            gnet.setImmediate(poll)
        src.once('data', on_first)

        def on_dest_close():
            show('dest close')
            other.destroy()
        dest.on('close', on_dest_close)

    dest = gnet.connect(sink.address()['port'], '127.0.0.1', on_dest_connect)


source.listen(0, '127.0.0.1', lambda: sink.listen(0, '127.0.0.1', on_sink_listening))
gnet.run()
