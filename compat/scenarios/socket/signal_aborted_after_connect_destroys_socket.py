import gnet
from compat.trace import show

server = gnet.createServer(lambda c: c.on('error', lambda err: None))


def on_listening():
    ac = gnet.AbortController()
    client = gnet.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'signal': ac.signal})

    def on_connect():
        show('connect')
        ac.abort('stop')
        show('after abort', client.destroyed)

    def on_close(had_error):
        show('close', had_error)
        server.close(lambda *_: show('server closed'))

    client.on('connect', on_connect)
    client.on('error', lambda err: show('error', err, err.name, err.message, err.cause))
    client.on('close', on_close)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
