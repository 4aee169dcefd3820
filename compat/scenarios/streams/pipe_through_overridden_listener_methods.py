import gnet
from compat.trace import show

PIPE = ['onend', 'unpipe', 'onunpipe', 'ondata', 'onerror', 'onclose', 'onfinish', 'bound onceWrapper']


class Logged(gnet.Socket):
    def __init__(self, name):
        super().__init__()
        self.name = name

    def log(self, method, ev, fn):
        if ev != 'connect' and fn.__name__ in PIPE:
            show(self.name, method, ev, fn.__name__)

    def on(self, ev, fn):
        self.log('on', ev, fn)
        return super().on(ev, fn)

    def once(self, ev, fn):
        self.log('once', ev, fn)
        return super().once(ev, fn)

    def prependListener(self, ev, fn):
        self.log('prependListener', ev, fn)
        return super().prependListener(ev, fn)

    def removeListener(self, ev, fn):
        self.log('removeListener', ev, fn)
        return super().removeListener(ev, fn)


def on_source_connection(conn):
    conn.end('through overrides')
    conn.on('close', lambda: source.close())


def on_sink_connection(conn):
    got = []
    conn.on('data', got.append)

    def on_end():
        show('sink got', b''.join(got).decode())
        conn.end()
        sink.close()

    conn.on('end', on_end)


source = gnet.createServer(on_source_connection)
sink = gnet.createServer(on_sink_connection)


def on_sink_listening():
    dest = Logged('dest')

    def on_dest_connect():
        src = Logged('src')
        src.connect(source.address()['port'], '127.0.0.1')
        show('pipe returns dest', src.pipe(dest) is dest)
        show('dest error listeners', [f.__name__ for f in dest.rawListeners('error') if f.__name__ in PIPE])
        dest.on('close', lambda: show('dest close', src.listenerCount('data'), dest.listenerCount('unpipe')))

    dest.connect(sink.address()['port'], '127.0.0.1', on_dest_connect)


source.listen(0, '127.0.0.1', lambda: sink.listen(0, '127.0.0.1', on_sink_listening))
gnet.run()
