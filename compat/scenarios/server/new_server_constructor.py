import gnet
from compat.trace import show

plain = gnet.Server()
show('plain', isinstance(plain, gnet.Server), plain.allowHalfOpen, plain.pauseOnConnect, plain.listening)
show('createServer', isinstance(gnet.createServer(), gnet.Server))
with_opts = gnet.Server({'allowHalfOpen': True, 'pauseOnConnect': True})
show('with options', with_opts.allowHalfOpen, with_opts.pauseOnConnect, with_opts.listenerCount('connection'))


def on_connection(c):
    show('listener got connection', isinstance(c, gnet.Socket))
    c.end('hi')


server = gnet.Server(on_connection)
show('with listener', server.listenerCount('connection'))


def on_listen():
    client = gnet.connect(server.address()['port'], '127.0.0.1')
    client.on('data', lambda d: show('client data', d))
    client.on('close', lambda *_: server.close(lambda *_: show('closed')))


server.listen(0, '127.0.0.1', on_listen)
gnet.run()
