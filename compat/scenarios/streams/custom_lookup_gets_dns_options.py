import gnet
from compat.trace import show

server = gnet.createServer(lambda conn: conn.end())
cases = [
    {'host': 'example.test'},
    {'host': 'example.test', 'family': 4},
    {'host': 'example.test', 'family': 'IPv4'},
    {'host': 'example.test', 'family': 6},
    {'host': 'example.test', 'autoSelectFamily': False},
    {'host': 'example.test', 'hints': 1024},
    {'host': '127.0.0.1'},
]


def run(i):
    if i == len(cases):
        server.close()
        return
    sock = gnet.Socket()

    def on_lookup(err, address, family, host):
        show(i, 'lookup event', err, address, family, host)

    def on_connect():
        show(i, 'connect', sock.remoteAddress, sock.remoteFamily)
        sock.destroy()

    def lookup(hostname, options, callback):
        show(i, 'lookup', hostname, options)

        def answer():
            if options.get('all'):
                callback(None, [{'address': '127.0.0.1', 'family': 4}])
            else:
                callback(None, '127.0.0.1', 4)
        gnet.setImmediate(answer)

    sock.on('lookup', on_lookup)
    sock.on('connect', on_connect)
    sock.on('close', lambda: run(i + 1))
    sock.connect(dict(cases[i], port=server.address()['port'], lookup=lookup))


server.listen(0, '127.0.0.1', lambda: run(0))
gnet.run()
