import gnet
from compat.trace import show


def on_connection(c):
    show('connection')
    c.end('hi')


server = gnet.createServer(on_connection)
round_ = 0


def on_listening():
    global round_
    round_ += 1
    show('listening', round_, server.address()['family'])


server.on('listening', on_listening)
server.on('close', lambda: show('close event', server.listening, server.address()))


def on_second_listen():
    c = gnet.connect(server.address()['port'], '127.0.0.1')
    c.on('data', lambda d: show('client data', d))
    c.on('close', lambda *_: server.close(lambda *_: show('closed again')))


def on_first_listen():
    server.close(lambda *_: server.listen(0, '127.0.0.1', on_second_listen))


server.listen(0, '127.0.0.1', on_first_listen)
gnet.run()
