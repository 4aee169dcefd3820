# covers: crl, sigalgs, ERR_CRYPTO_OPERATION_FAILED, ERR_INVALID_ARG_VALUE
import gnet.tls as tls
from compat.trace import show

for sigalgs in ['', 'RSA-PSS+SHA256:ECDSA+SHA256', 'nonsense', 5]:
    try:
        tls.createSecureContext({'sigalgs': sigalgs})
        show('sigalgs', sigalgs, 'ok')
    except Exception as e:
        show('sigalgs', sigalgs, getattr(e, 'code', None), str(e))
for crl in ['garbage', b'x', 5, ['a']]:
    try:
        tls.createSecureContext({'crl': crl})
        show('crl', 'ok')
    except Exception as e:
        show('crl', getattr(e, 'code', None), str(e))
