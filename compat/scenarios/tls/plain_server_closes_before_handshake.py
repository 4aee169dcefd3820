import gnet
import gnet.tls as tls
from compat.trace import show

server = gnet.createServer(lambda raw: raw.end())


def listening():
    sock = tls.connect(server.address()['port'], '127.0.0.1')
    sock.on('connect', lambda: show('connect'))
    sock.on('end', lambda: show('end'))
    sock.on('error', lambda err: show('error', err, err.message, err.host, err.port == server.address()['port']))

    def on_close(had_error):
        show('close', had_error)
        server.close()
    sock.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
