import gnet
from compat.trace import show

state = {'serverClose': 'not yet'}


def on_connection(s):
    def on_data(d):
        show('server data', d)
        s.destroy()

    def on_close(hadError):
        state['serverClose'] = hadError

    s.on('data', on_data)
    s.on('close', on_close)


server = gnet.createServer(on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1', lambda: c.write('hi'))

    def on_close(hadError):
        show('client close', hadError)
        show('server socket closed before', state['serverClose'])
        server.close(lambda: show('server closed'))

    c.on('end', lambda: show('client end'))
    c.on('finish', lambda: show('client finish'))
    c.on('error', lambda err: show('client error', err))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
