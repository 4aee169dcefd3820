import gnet
from compat.trace import show

first = gnet.createServer()


def on_first_listen():
    def on_second_connection(c):
        show('second connection')
        c.end('hi')

    second = gnet.createServer(on_second_connection)

    def on_error(err):
        show('error', err)

        def on_second_listen():
            show('second listening', second.address()['family'],
                 second.address()['port'] != first.address()['port'])
            c = gnet.connect(second.address()['port'], '127.0.0.1')
            c.on('data', lambda d: show('client data', d))

            def on_second_closed(*_):
                show('second closed')
                first.close(lambda *_: show('first closed'))

            def on_close(*_):
                second.close(on_second_closed)

            c.on('close', on_close)

        second.listen(0, '127.0.0.1', on_second_listen)

    second.once('error', on_error)
    second.listen(first.address()['port'], '127.0.0.1')


first.listen(0, '127.0.0.1', on_first_listen)
gnet.run()
