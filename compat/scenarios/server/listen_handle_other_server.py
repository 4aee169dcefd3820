import gnet
from compat.trace import show

a = gnet.createServer(lambda c: show('a connection'))


def on_a_listen():
    port = a.address()['port']

    def on_b_connection(c):
        show('b connection')
        c.end('hi')

    b = gnet.createServer(on_b_connection)

    def on_b_listen():
        show('b listening', b.listening, b.address()['port'] == port, b.address()['family'])
        c = gnet.connect(port, '127.0.0.1')
        c.on('data', lambda d: show('client data', d))
        c.on('close', lambda *_: b.close(lambda *_: show('b closed')))

    b.listen(a, on_b_listen)


a.listen(0, '127.0.0.1', on_a_listen)
gnet.run()
show('exit')
