import gnet.tls as tls
from compat.trace import show


def attempt(label, fn):
    try:
        made = fn()
        show(label, 'ok')
        if hasattr(made, 'destroy'):
            made.destroy()
        elif hasattr(made, 'close'):
            made.close()
    except Exception as err:
        message = '' if str(getattr(err, 'code', '')).startswith('ERR_SSL_') else str(err)
        show(label, 'throws', err, message, isinstance(err, TypeError))


def noop(*args):
    return None


def connect_hint():
    sock = tls.connect({'port': 1, 'pskCallback': noop, 'pskIdentityHint': 42})
    sock.on('error', lambda err: None)
    return sock


attempt('createServer pskCallback 42', lambda: tls.createServer({'pskCallback': 42}))
attempt('createServer pskCallback string', lambda: tls.createServer({'pskCallback': 'key'}))
attempt('createServer pskCallback 0', lambda: tls.createServer({'pskCallback': 0}))
attempt('createServer pskCallback empty string', lambda: tls.createServer({'pskCallback': ''}))
attempt('createServer pskIdentityHint 42', lambda: tls.createServer({'pskCallback': noop, 'pskIdentityHint': 42}))
attempt('createServer pskIdentityHint without callback', lambda: tls.createServer({'pskIdentityHint': True}))
attempt('createServer pskIdentityHint false',
        lambda: tls.createServer({'pskCallback': noop, 'pskIdentityHint': False}))
attempt('createServer bad ciphers first', lambda: tls.createServer({'ciphers': 'NOPE', 'pskCallback': 42}))
attempt('connect pskCallback 42', lambda: tls.connect({'port': 1, 'pskCallback': 42}))
attempt('connect pskCallback object', lambda: tls.connect({'port': 1, 'pskCallback': {'psk': 'x'}}))
attempt('connect pskIdentityHint 42', connect_hint)
attempt('TLSSocket pskCallback 42', lambda: tls.TLSSocket(None, {'pskCallback': 42}))
attempt('TLSSocket pskIdentityHint 42',
        lambda: tls.TLSSocket(None, {'isServer': True, 'pskCallback': noop, 'pskIdentityHint': 42}))
attempt('TLSSocket pskIdentityHint without callback',
        lambda: tls.TLSSocket(None, {'isServer': True, 'pskIdentityHint': 42}))
