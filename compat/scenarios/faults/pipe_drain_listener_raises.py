import gnet
from compat.trace import show

# A proxy pipes its client's socket into an upstream socket whose reader
# (the sink) starts paused. The upstream has a 'drain' listener of its own,
# added before pipe(), that throws the first time. The throw happens before
# the pipe's own 'drain' listener runs, so the source stays paused: after
# 'uncaughtException' both streams are shown, then the source is resumed by
# hand and every byte reaches the sink. The ends of the three connections
# come in no fixed order, so they are printed sorted at exit.
TOTAL = 4 * 1024 * 1024
st = {'sink_side': None, 'sink_got': 0, 'src': None, 'up': None, 'drained': False}
ends = []


def on_uncaught(err, origin):
    src, up = st['src'], st['up']
    show('uncaught', str(err), origin)
    show('source paused', src.isPaused(), 'flowing', src.readableFlowing)
    show('upstream needs drain', up.writableNeedDrain, 'destroyed', up.destroyed)
    src.resume()


gnet.process.on('uncaughtException', on_uncaught)


def on_sink_connection(k):
    st['sink_side'] = k
    k.pause()

    def on_data(d):
        st['sink_got'] += len(d)

    def on_end():
        ends.append('sink end, got all %s' % ('true' if st['sink_got'] == TOTAL else 'false'))
        k.end()

    k.on('data', on_data)
    k.on('end', on_end)
    k.on('close', lambda *_: sink.close(lambda: ends.append('sink closed')))


sink = gnet.createServer(on_sink_connection)


def on_proxy_connection(s):
    st['src'] = s
    up = st['up'] = gnet.connect(sink.address()['port'], '127.0.0.1')
    up.resume()

    def on_drain():
        if not st['drained']:
            st['drained'] = True
            raise Exception('boom in a drain listener')

    def on_pause():
        show('source paused by the pipe')
        st['sink_side'].resume()

    up.on('drain', on_drain)
    s.pipe(up)
    s.once('pause', on_pause)
    up.on('close', lambda *_: proxy.close(lambda: ends.append('proxy closed')))


proxy = gnet.createServer(on_proxy_connection)


def proxy_listening():
    c = gnet.connect(proxy.address()['port'], '127.0.0.1', lambda: c.end(b'p' * TOTAL))
    c.resume()
    c.on('close', lambda *_: ends.append('client close'))


sink.listen(0, '127.0.0.1', lambda: proxy.listen(0, '127.0.0.1', proxy_listening))
gnet.run()
for line in sorted(ends):
    show(line)
