import gnet
from compat.trace import show

state = {}


def on_connection(s):
    state['s'] = s
    s.resume()
    s.on('end', lambda: show('server end'))
    s.on('close', lambda: server.close(lambda: show('server closed')))


server = gnet.createServer({'allowHalfOpen': True}, on_connection)


def listening():
    def on_connect():
        c.setTimeout(200)
        c.end()

    def on_timeout():
        show('timeout while half-closed', c.readyState, c.destroyed)
        c.destroy()

    def on_close(hadError):
        show('client close', hadError)
        state['s'].end()

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('finish', lambda: show('client finish'))
    c.on('timeout', on_timeout)
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
