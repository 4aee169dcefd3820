import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')}, lambda s: s.resume())
server_lines = [0]


def on_server_keylog(line, sock):
    server_lines[0] += 1


server.on('keylog', on_server_keylog)


def listening():
    c = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem')})
    c.on('keylog', lambda line: show('keylog', line.decode().split(' ')[0], line.decode().endswith('\n')))

    def on_secure():
        show('secureConnect')
        c.end()

    def on_close(*_):
        show('close', server_lines[0])
        server.close()
    c.on('secureConnect', on_secure)
    c.on('close', on_close)
    c.resume()


server.listen(0, '127.0.0.1', listening)
gnet.run()
