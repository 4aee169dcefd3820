import gnet
from compat.trace import show

first = gnet.createServer()


def on_first_listen():
    port = first.address()['port']
    second = gnet.createServer()
    second.on('listening', lambda: show('second listening'))

    def on_error(err):
        show('error', err, err.address, err.port == port)
        show('message', str(err).replace(str(port), 'PORT'))
        show('second listening', second.listening, second.address())
        first.close(lambda *_: show('first closed'))

    second.on('error', on_error)
    second.listen(port, '127.0.0.1')


first.listen(0, '127.0.0.1', on_first_listen)
gnet.run()
