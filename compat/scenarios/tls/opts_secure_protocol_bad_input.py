# covers: secureProtocol, ERR_TLS_INVALID_PROTOCOL_METHOD, ERR_TLS_PROTOCOL_VERSION_CONFLICT
# Which method names createSecureContext takes, what it says of the others,
# and secureProtocol beside minVersion/maxVersion; a tls.Server leaves out a
# falsy secureProtocol or version, where the other calls check them.
import json

import gnet.tls as tls
from compat.trace import show, _js_error_name


def attempt(label, fn):
    try:
        fn()
        show(label, 'ok')
    except Exception as e:
        show(label, _js_error_name(e), getattr(e, 'code', None), str(e))


for secure_protocol in [
        'TLS_method', 'TLS_server_method', 'TLS_client_method', 'TLSv1_method', 'TLSv1_1_client_method',
        'TLSv1_2_method', 'TLSv1_2_server_method', 'SSLv23_method', 'SSLv23_client_method',
        'SSLv2_method', 'SSLv2_client_method', 'SSLv3_method', 'SSLv3_server_method', 'TLSv1_3_method',
        'DTLS_method', 'tls_method', 'blargh', '', 5, True, None]:
    attempt(['context', secure_protocol], lambda: tls.createSecureContext({'secureProtocol': secure_protocol}))
# JSON.stringify(null) is what Node's label prints for the last case.
for opts in [
        {'secureProtocol': 'TLS_method', 'minVersion': 'TLSv1.2'},
        {'secureProtocol': 'TLSv1_2_method', 'maxVersion': 'TLSv1.3'},
        {'secureProtocol': 'TLS_method', 'minVersion': 'bogus'},
        {'secureProtocol': 'TLS_method', 'maxVersion': 5},
        {'secureProtocol': 'TLS_method', 'minVersion': ''},
        {'secureProtocol': 'blargh', 'minVersion': 'TLSv1.2'},
        {'secureProtocol': 5, 'minVersion': 'TLSv1.2'},
        {'secureProtocol': '', 'minVersion': 'TLSv1.2'},
        {'secureProtocol': 'SSLv2_method', 'ciphers': 5},
        {'secureProtocol': 'TLS_method', 'minVersion': None},
]:
    label = ' '.join('%s=%s' % (k, json.dumps(v)) for k, v in opts.items())
    attempt(['context', label], lambda: tls.createSecureContext(opts))
    attempt(['server', label], lambda: tls.createServer(opts))
    attempt(['TLSSocket', label], lambda: tls.TLSSocket(None, opts))
attempt('setSecureContext', lambda: tls.createServer({}).setSecureContext({'secureProtocol': 'nope'}))
attempt('addContext', lambda: tls.createServer({}).addContext('a.example', {'secureProtocol': 'SSLv3_method'}))
