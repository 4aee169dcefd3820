# covers: SNICallback, TLSSocket, isServer
# TLSSocket(socket, {'isServer': True, 'SNICallback': ...}) checks a truthy
# SNICallback in its constructor: one that is no function is thrown there
# (ERR_INVALID_ARG_TYPE), after a bad secureContext and a bad ALPNCallback,
# before a bad ALPNProtocols or pskCallback. A falsy one is no callback, and a
# client-side socket does not look at it.
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

context = tls.createSecureContext({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')})


def attempt(label, options):
    try:
        sock = tls.TLSSocket(None, options)
    except Exception as err:  # noqa: B902 - the trace shows whatever is thrown
        show(label, 'thrown', err, isinstance(err, TypeError), str(err))
        return
    show(label, 'made')
    sock.destroy()


for label, value in [('string', 'x'), ('number', 1), ('true', True), ('object', {}), ('array', []),
                     ('null', None), ('undefined', None), ('false', False), ('zero', 0), ('empty', '')]:
    attempt(label, {'isServer': True, 'secureContext': context, 'SNICallback': value})
    attempt('client ' + label, {'isServer': False, 'SNICallback': value})
attempt('with bad secureContext', {'isServer': True, 'secureContext': 5, 'SNICallback': 1})
attempt('with bad ALPNCallback', {'isServer': True, 'secureContext': context, 'SNICallback': 1, 'ALPNCallback': 2})
attempt('with bad ALPNProtocols', {'isServer': True, 'secureContext': context, 'SNICallback': 1, 'ALPNProtocols': 3})
attempt('with bad pskCallback', {'isServer': True, 'secureContext': context, 'SNICallback': 1, 'pskCallback': 3})
