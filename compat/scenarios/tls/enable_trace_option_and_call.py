import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

for bad in ['yes', 1, {}]:
    try:
        tls.connect({'port': 1, 'enableTrace': bad})
        show('connect accepted', bad)
    except Exception as e:
        show('connect throws', e, str(e))


def on_secure_connection(s):
    show('server secureConnection')
    s.end('hi')


server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'enableTrace': False},
                          on_secure_connection)


def listening():
    c = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                     'servername': 'localhost', 'enableTrace': False})
    show('enableTrace returned', c.enableTrace())
    c.on('secureConnect', lambda: show('client secureConnect', c.authorized))
    c.on('data', lambda d: show('client data', d.decode()))

    def on_close(*_):
        show('client close')
        server.close()
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
