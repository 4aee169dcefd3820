import gnet
from compat.trace import show


def on_connection(c):
    show('connection', c.readableFlowing)

    def on_data(d):
        show('server data', d)
        c.end('bye')

    c.on('data', on_data)

    def later():
        show('resume')
        c.resume()

    gnet.setTimeout(later, 50)


server = gnet.createServer({'pauseOnConnect': True}, on_connection)


def on_listen():
    client = gnet.connect(server.address()['port'], '127.0.0.1', lambda: client.write('ping'))
    client.on('data', lambda d: show('client data', d))
    client.on('close', lambda *_: server.close(lambda *_: show('closed')))


server.listen(0, '127.0.0.1', on_listen)
gnet.run()
