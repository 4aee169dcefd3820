import gnet
from compat.trace import show

# The server socket's 'close' is printed after the client's, once both
# happened: the order between the two sides is not fixed.
state = {'serverClose': None, 'closed': 0}


def done():
    state['closed'] += 1
    if state['closed'] < 2:
        return
    show('server socket close', state['serverClose'])
    server.close(lambda: show('server closed'))


def on_connection(s):
    s.end('bye')

    def on_close(hadError):
        state['serverClose'] = hadError
        done()

    s.on('close', on_close)


server = gnet.createServer(on_connection)


def listening():
    c = gnet.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'allowHalfOpen': True})

    def on_end():
        show('client end')
        c.destroy(Exception('after end'))

    def on_close(hadError):
        show('client close', hadError)
        done()

    c.on('data', lambda d: show('client data', d))
    c.on('end', on_end)
    c.on('finish', lambda: show('client finish'))
    c.on('error', lambda err: show('client error', err, str(err)))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
