# covers: connect, checkServerIdentity, ERR_INTERNAL_ASSERTION
# tls.connect asserts that checkServerIdentity is a function: left out it is
# tls.checkServerIdentity, but given as anything else, undefined and null
# included, the call throws ERR_INTERNAL_ASSERTION.
import json

import gnet
import gnet.tls as tls
from compat.trace import show, _js_error_name

values = [('5', 5), ('string', 'x'), ('object', {}), ('true', True), ('null', None), ('undefined', None)]
for label, value in values:
    try:
        tls.connect({'port': 1, 'host': '127.0.0.1', 'checkServerIdentity': value})
        show(label, 'ok')
    except Exception as e:
        show(label, _js_error_name(e), getattr(e, 'code', None), json.dumps(str(e)))
sock = tls.connect({'port': 1, 'host': '127.0.0.1'})
sock.on('error', lambda e: show('left out', 'error', e))
gnet.run()
