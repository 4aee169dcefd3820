import gnet
from compat.trace import show


def on_connection(c):
    show('connection', c.remoteAddress, c.remoteFamily)
    c.end('hi')


server = gnet.createServer(on_connection)


def on_listen():
    a = server.address()
    show('callback', a['address'], a['family'])
    v4 = gnet.connect(a['port'], '127.0.0.1')
    v4.on('error', lambda err: show('ipv4 client error', err))

    def on_v4_close(*_):
        v6 = gnet.connect(a['port'], '::1')
        v6.on('data', lambda d: show('ipv6 client data', d))
        v6.on('close', lambda *_: server.close(lambda *_: show('closed')))

    v4.on('close', on_v4_close)


server.listen({'port': 0, 'host': '::', 'ipv6Only': True}, on_listen)
gnet.run()
