import gnet
from compat.trace import show


def typeof(v):
    if v is None:
        return 'undefined'
    if isinstance(v, bool):
        return 'boolean'
    if isinstance(v, (int, float)):
        return 'number'
    if isinstance(v, str):
        return 'string'
    return 'object'


def describe(label, s):
    show(label, 'local', s.localAddress, typeof(s.localPort), s.localFamily)
    show(label, 'remote', s.remoteAddress, typeof(s.remotePort), s.remoteFamily)
    a = s.address()
    show(label, 'address()', sorted(a), a.get('address'), a.get('family'), typeof(a.get('port')))


state = {'server_side': None}


def on_connection(conn):
    state['server_side'] = conn
    conn.resume()
    conn.on('end', lambda: conn.end())


server = gnet.createServer(on_connection)


def on_listening():
    sa = server.address()
    show('server address()', sorted(sa), sa['address'], sa['family'], typeof(sa['port']))
    sock = gnet.Socket()
    describe('new', sock)
    sock.connect(sa['port'], '127.0.0.1')
    describe('connecting', sock)

    def wait():
        server_side = state['server_side']
        if server_side is None:
            gnet.setImmediate(wait)
            return
        describe('server side', server_side)
        show('server side sees client port', server_side.remotePort == sock.localPort,
             server_side.localPort == sa['port'])
        sock.end()

    def on_connect():
        describe('client', sock)
        show('client remotePort is the server port', sock.remotePort == sa['port'])
        show('client address() port is localPort', sock.address()['port'] == sock.localPort)
        gnet.setImmediate(wait)

    def on_close():
        describe('closed', sock)
        server.close()

    sock.on('connect', on_connect)
    sock.on('close', on_close)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
