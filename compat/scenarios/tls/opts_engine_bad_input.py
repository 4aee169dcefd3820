# covers: privateKeyEngine, privateKeyIdentifier, clientCertEngine, ERR_INVALID_ARG_VALUE, ERR_INVALID_ARG_TYPE
# The engine options' checks: an identifier needs an engine and no key, each
# is a string; an engine alone is not looked at.
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show, _js_error_name


def attempt(label, opts):
    try:
        tls.createSecureContext(opts)
        show(label, 'ok')
    except Exception as e:
        show(label, _js_error_name(e), getattr(e, 'code', None), str(e))


attempt('engine alone', {'privateKeyEngine': 'nonexistent'})
attempt('engine 5 alone', {'privateKeyEngine': 5})
attempt('identifier alone', {'privateKeyIdentifier': 'x'})
attempt('identifier, engine undefined', {'privateKeyIdentifier': 'x', 'privateKeyEngine': None})
attempt('identifier and key', {'privateKeyIdentifier': 'x', 'privateKeyEngine': 'nonexistent',
                               'key': cert('server-key.pem')})
attempt('identifier and empty key', {'privateKeyIdentifier': 'x', 'privateKeyEngine': 5, 'key': ''})
attempt('identifier 5', {'privateKeyIdentifier': 5, 'privateKeyEngine': 'nonexistent'})
attempt('engine 5', {'privateKeyIdentifier': 'x', 'privateKeyEngine': 5})
attempt('sigalgs first', {'privateKeyIdentifier': 'x', 'privateKeyEngine': 5, 'sigalgs': ''})
attempt('clientCertEngine 5', {'clientCertEngine': 5})
attempt('clientCertEngine undefined', {'clientCertEngine': None})
try:
    tls.createServer({'clientCertEngine': 5})
except Exception as e:
    show('server clientCertEngine 5', getattr(e, 'code', None), str(e))
