import gnet
from compat.trace import show

# An echo by s.pipe(s), and a second 'data' listener that throws on the
# first chunk. With an 'uncaughtException' handler the program goes on: the
# pipe keeps flowing, and the chunk reached the destination if the pipe's
# own listener ran first. RAISES_BEFORE_PIPE: the throwing listener was
# added before pipe(), so that chunk is never echoed.
RAISES_BEFORE_PIPE = False
st = {}


def on_uncaught(err, origin):
    s = st['s']
    show('uncaught', str(err), origin)
    show('server side flowing', s.readableFlowing, 'paused', s.isPaused(), 'writable', s.writable,
         'destroyed', s.destroyed, 'data listeners', s.listenerCount('data'))
    st['c'].end('b')


gnet.process.on('uncaughtException', on_uncaught)


def on_connection(s):
    st['s'] = s

    def boom(d):
        if d == b'a':
            raise Exception('boom in a data listener')

    def on_close(hadError):
        show('server close', hadError)
        server.close(lambda: show('server closed'))

    if RAISES_BEFORE_PIPE:
        s.on('data', boom)
    s.pipe(s)
    if not RAISES_BEFORE_PIPE:
        s.on('data', boom)
    s.on('end', lambda: show('server end'))
    s.on('finish', lambda: show('server finish'))
    s.on('close', on_close)


server = gnet.createServer(on_connection)


def listening():
    c = st['c'] = gnet.connect(server.address()['port'], '127.0.0.1', lambda: c.write('a'))
    got = []
    c.on('data', got.append)
    c.on('end', lambda: show('client end', b''.join(got)))
    c.on('close', lambda hadError: show('client close', hadError))


server.listen(0, '127.0.0.1', listening)
gnet.run()
