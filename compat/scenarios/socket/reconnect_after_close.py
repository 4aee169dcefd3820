import gnet
from compat.trace import show

served = [0]


def on_connection(c):
    served[0] += 1
    c.end('round %d' % served[0])


server = gnet.createServer(on_connection)


def on_listening():
    port = server.address()['port']
    client = gnet.Socket()
    rounds = [0]
    client.on('connect', lambda: show('connect', client.readyState, client.destroyed))
    client.on('data', lambda d: show('data', d.decode()))
    client.on('end', lambda: show('end'))

    def on_close(had_error):
        rounds[0] += 1
        show('close', had_error, client.readyState, client.destroyed)
        if rounds[0] == 1:
            show('connect again', client.connect(port, '127.0.0.1') is client, client.connecting)
        else:
            server.close(lambda *_: show('server closed'))

    client.on('close', on_close)
    client.connect(port, '127.0.0.1')


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
