import gnet
from compat.trace import show

accepted = []
closed_on_server = 0


def on_connection(c):
    accepted.append(c)

    def on_close(*_):
        global closed_on_server
        closed_on_server += 1
        if closed_on_server == 2:
            def after(err, n):
                show('after both closed', err, n)
                server.close(lambda *_: show('closed'))
            server.getConnections(after)

    c.on('close', on_close)
    if len(accepted) == 2:
        def during(err, n):
            show('while two are open', err, n)
            for s in accepted:
                s.end()
        server.getConnections(during)
        show('getConnections returned')


server = gnet.createServer(on_connection)


def on_listen():
    for _ in range(2):
        gnet.connect(server.address()['port'], '127.0.0.1').resume()


server.listen(0, '127.0.0.1', on_listen)
gnet.run()
