import gnet
from compat.trace import show

state = {'last_remote_port': None}


def on_connection(conn):
    state['last_remote_port'] = conn.remotePort
    conn.resume()
    conn.on('end', lambda: conn.end())


server = gnet.createServer(on_connection)


def attempt(label, options, after):
    local = {'port': None}
    sock = None

    def on_connect():
        local['port'] = sock.localPort
        show(label, 'connect', sock.localAddress, sock.localFamily,
             'number' if isinstance(local['port'], int) else type(local['port']).__name__,
             local['port'] == options['localPort'] if options.get('localPort') else 'any port')
        sock.end()

    def on_close():
        show(label, 'server saw the same port', state['last_remote_port'] == local['port'])
        after()

    sock = gnet.connect(dict(options, port=server.address()['port'], host='127.0.0.1'), on_connect)
    sock.resume()
    sock.on('close', on_close)


def on_listening():
    scratch = gnet.createServer()

    def on_scratch_listening():
        free_port = scratch.address()['port']

        def third():
            attempt('localPort 0', {'localAddress': '127.0.0.1', 'localPort': 0}, lambda: server.close())

        def second():
            attempt('localAddress and localPort', {'localAddress': '127.0.0.1', 'localPort': free_port}, third)

        scratch.close(lambda: attempt('localAddress', {'localAddress': '127.0.0.1'}, second))

    scratch.listen(0, '127.0.0.1', on_scratch_listening)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
