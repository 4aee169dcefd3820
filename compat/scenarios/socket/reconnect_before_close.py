import gnet
from compat.trace import show

server = gnet.createServer(lambda c: c.on('error', lambda err: None))


def on_listening():
    port = server.address()['port']
    client = gnet.connect(port, '127.0.0.1')
    connects = [0]

    def on_connect():
        connects[0] += 1
        show('connect', connects[0], client.readyState, client.destroyed)
        if connects[0] == 1:
            client.destroy()
            show('destroyed', client.destroyed, client.readyState, client.pending)
            client.connect(port, '127.0.0.1')
            show('connect again', client.destroyed, client.readyState, client.connecting, client.pending)
        else:
            client.destroy()
            server.close(lambda *_: show('server closed'))

    client.on('connect', on_connect)
    client.on('close', lambda had_error: show(
        'close', had_error, client.readyState, client.destroyed, client.connecting))


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
