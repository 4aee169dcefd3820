# covers: ALPNCallback, ALPNProtocols, ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS, ERR_INVALID_ARG_TYPE
# tls.createServer refuses ALPNCallback beside ALPNProtocols (both truthy; an
# empty list is truthy) and does not look at the callback itself; a
# server-side TLSSocket checks it is a function; a client ignores it.
import gnet.tls as tls
from compat.trace import show, _js_error_name


def attempt(label, fn):
    try:
        fn()
        show(label, 'ok')
    except Exception as e:
        show(label, _js_error_name(e), getattr(e, 'code', None), str(e))


def connect():
    sock = tls.connect({'port': 1, 'ALPNCallback': 5})
    sock.on('error', lambda e: None)
    sock.destroy()


attempt('server both', lambda: tls.createServer({'ALPNCallback': lambda: 'a', 'ALPNProtocols': ['a']}))
attempt('server both, empty list', lambda: tls.createServer({'ALPNCallback': lambda: 'a', 'ALPNProtocols': []}))
attempt('server both, callback 5', lambda: tls.createServer({'ALPNCallback': 5, 'ALPNProtocols': ['a']}))
attempt('server callback 5', lambda: tls.createServer({'ALPNCallback': 5}))
attempt('server callback 0, list', lambda: tls.createServer({'ALPNCallback': 0, 'ALPNProtocols': ['a']}))
attempt('server setSecureContext',
        lambda: tls.createServer({'ALPNCallback': lambda: 'a'}).setSecureContext({'ALPNProtocols': ['a']}))
attempt('TLSSocket server callback 5', lambda: tls.TLSSocket(None, {'isServer': True, 'ALPNCallback': 5}))
attempt('TLSSocket server both',
        lambda: tls.TLSSocket(None, {'isServer': True, 'ALPNCallback': lambda: 'a', 'ALPNProtocols': ['a']}))
attempt('TLSSocket client callback 5', lambda: tls.TLSSocket(None, {'ALPNCallback': 5}))
attempt('connect callback 5', connect)
server = tls.createServer({'ALPNCallback': lambda: 'a'})
show('server.ALPNCallback', 'function' if callable(server.ALPNCallback) else None)
