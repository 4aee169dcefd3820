# covers: minDHSize, ERR_INTERNAL_ASSERTION
# tls.connect asserts minDHSize is a number above 0 (undefined given is no
# number: the default applies only to a key left out), before anything else
# of the TLS options but checkServerIdentity; other calls ignore it.
import math

import gnet.tls as tls
from compat.trace import show, _js_error_name

for min_dh_size in [None, 0, -1, math.nan, -math.inf, '2048', True, [], [2048], {}, 0.5, 1, math.inf, 1.5]:
    try:
        sock = tls.connect({'port': 1, 'minDHSize': min_dh_size, 'secureProtocol': 'nope'})
        sock.on('error', lambda e: None)
        sock.destroy()
        show(min_dh_size, 'ok')
    except Exception as e:
        show(min_dh_size, _js_error_name(e), getattr(e, 'code', None), str(e))
for label, fn in [
        ('TLSSocket', lambda: tls.TLSSocket(None, {'minDHSize': 'x'})),
        ('server', lambda: tls.createServer({'minDHSize': 'x'})),
        ('context', lambda: tls.createSecureContext({'minDHSize': 'x'})),
]:
    try:
        fn()
        show(label, 'ok')
    except Exception as e:
        show(label, _js_error_name(e), getattr(e, 'code', None), str(e))
