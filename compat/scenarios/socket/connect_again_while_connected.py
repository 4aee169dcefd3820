import gnet
from compat.trace import show

# connect() again on a connected socket: it is 'opening' until 'connect'
# comes again for the same connection, and a write made meanwhile waits for it.


def on_connection(s):
    s.on('error', lambda e: None)
    s.setEncoding('utf8')
    s.on('data', lambda d: show('server got', d))

    def on_end():
        show('server end')
        s.end('bye')

    s.on('end', on_end)


server = gnet.createServer(on_connection)


def on_listening():
    port = server.address()['port']
    c = gnet.connect({'port': port, 'host': '127.0.0.1', 'allowHalfOpen': True})
    c.on('error', lambda e: show('error', e.code))

    def on_close(had_error):
        show('close', had_error)
        server.close()

    c.on('close', on_close)

    def on_first_connect():
        show('connect', c.connecting, c.readyState)
        show('again returns the socket', c.connect(port, '127.0.0.1') is c, c.connecting, c.readyState)
        c.write('hi')

        def on_again():
            show('connect again', c.connecting, c.readyState)
            c.end()

        c.once('connect', on_again)

    c.once('connect', on_first_connect)
    c.setEncoding('utf8')
    c.on('data', lambda d: show('client got', d))
    c.on('end', lambda: show('end', c.readyState))


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
