import gnet
from compat.trace import show

first = gnet.createServer()


def on_first_listen():
    port = first.address()['port']
    second = gnet.createServer()

    def on_error(err):
        show('error', err, err.address, err.port == port)
        show('message', str(err).replace(str(port), 'PORT'))
        first.close(lambda *_: show('first closed'))

    second.on('error', on_error)
    second.listen(port)
    show('after listen()', second.listening, second.address())


first.listen(0, on_first_listen)
gnet.run()
