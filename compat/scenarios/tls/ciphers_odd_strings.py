# covers: createSecureContext, ciphers, ERR_INVALID_ARG_VALUE, ERR_SSL_NO_CIPHER_MATCH
# Odd cipher strings: nothing but colons names no cipher (ERR_INVALID_ARG_VALUE,
# the split list received); '' is the default list; '!TLS_...' entries go with
# the TLS 1.3 suites, so they alone, or beside a TLS 1.2 list only, match nothing.
# (OpenSSL's reason is shown: gnet's message lacks the packed error number.)
import json

import gnet.tls as tls
from compat.trace import show, _js_error_name

strings = [':', '::', '', 'TLS_AES_128_GCM_SHA256', 'TLS_AES_128_GCM_SHA256:', '!TLS_AES_128_GCM_SHA256',
           '!RC4', '!RC4:!MD5', 'HIGH:!TLS_AES_128_GCM_SHA256', 'TLS_AES_128_GCM_SHA256:!TLS_AES_256_GCM_SHA384',
           'TLS_BOGUS', 'BOGUS', '  ', 'HIGH::', '-TLS_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256:TLS_BOGUS']
for ciphers in strings:
    try:
        tls.createSecureContext({'ciphers': ciphers})
        show(json.dumps(ciphers), 'ok')
    except Exception as e:
        show(json.dumps(ciphers), _js_error_name(e), getattr(e, 'code', None), getattr(e, 'reason', None) or str(e))
