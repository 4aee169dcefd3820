import gnet
from compat.trace import show

# The server's view is printed after the client closed: the order between
# the two sides is not fixed.
state = {'got': None, 'closed': 0}


def done(*_):
    state['closed'] += 1
    if state['closed'] < 2:
        return
    show('server got', state['got'], 'then end')
    server.close(lambda: show('server closed'))


def on_connection(s):
    chunks = []

    def on_end():
        state['got'] = b''.join(chunks)

    s.on('data', chunks.append)
    s.on('end', on_end)
    s.on('close', done)


server = gnet.createServer(on_connection)


def listening():
    def on_connect():
        c.write('pending data', lambda: show('write callback'))
        c.destroySoon()
        show('after destroySoon', c.destroyed, c.writableEnded)

    def on_close(hadError):
        show('client close', hadError)
        done()

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('finish', lambda: show('finish', c.destroyed))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
