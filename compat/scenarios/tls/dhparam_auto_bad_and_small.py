# covers: createSecureContext, dhparam, ERR_INVALID_ARG_VALUE, ERR_INVALID_ARG_TYPE, ERR_CRYPTO_OPERATION_FAILED
# dhparam: 'auto' (exactly) is taken; what is no PEM DH group is ignored; a
# group under 1024 bits throws, one under 2048 warns (SecurityWarning, once,
# after the call); a 1024-bit group fails only at security level 2.
import warnings

import gnet.tls as tls
from compat.tls_case import cert
from gnet.tls.errors import SecurityWarning
from compat.trace import show, _js_error_name


def attempt(label, opts):
    try:
        tls.createSecureContext(opts)
        show(label, 'ok')
    except Exception as e:
        show(label, _js_error_name(e), getattr(e, 'code', None), str(e))


with warnings.catch_warnings(record=True) as issued:
    warnings.simplefilter('always')
    attempt('auto', {'dhparam': 'auto'})
    attempt('AUTO', {'dhparam': 'AUTO'})
    attempt('garbage', {'dhparam': 'garbage'})
    attempt('garbage buffer', {'dhparam': b'garbage'})
    attempt('empty', {'dhparam': ''})
    attempt('a certificate', {'dhparam': cert('ca.pem')})
    attempt('512 bits', {'dhparam': cert('dh512.pem')})
    attempt('1024 bits', {'dhparam': cert('dh1024.pem')})
    attempt('2048 bits', {'dhparam': cert('dh2048.pem')})
    attempt('5', {'dhparam': 5})
    attempt('false', {'dhparam': False})
    attempt('null', {'dhparam': None})
    attempt('1024 bits at level 2', {'dhparam': cert('dh1024.pem'), 'ciphers': 'HIGH:@SECLEVEL=2'})
show('end of script')
# Node's process.emitWarning delivers 'warning' on a later tick.
for w in issued:
    if issubclass(w.category, SecurityWarning):
        show('warning', w.category.__name__, str(w.message))
