import gnet
from compat.trace import show

server = gnet.createServer(lambda conn: conn.end())
cases = [
    {'host': 'localhost', 'family': 4},
    {'host': 'localhost', 'family': 'IPv4'},
    {'host': '127.0.0.1', 'family': 4},
    {'host': '127.0.0.1'},
]


def run(i):
    if i == len(cases):
        server.close()
        return
    sock = gnet.Socket()
    sock.on('lookup', lambda err, address, family, host: show(i, 'lookup', err, address, family, host))
    sock.on('connect', lambda: show(i, 'connect', sock.remoteAddress, sock.remoteFamily,
                                    sock.remotePort == server.address()['port']))
    sock.on('end', lambda: sock.end())
    sock.on('close', lambda: run(i + 1))
    sock.connect(dict(cases[i], port=server.address()['port']))
    show(i, 'connecting', sock.connecting)


server.listen(0, '127.0.0.1', lambda: run(0))
gnet.run()
