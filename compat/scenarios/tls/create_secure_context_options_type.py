import gnet.tls as tls
from compat.trace import fmt

cases = [('null', None), ('undefined', None), ('0', 0), ('empty string', ''), ('false', False),
         ('buffer', b'x'), ('empty object', {}), ('string', 'x'), ('array', []),
         ('true', True), ('number', 5)]
for name, value in cases:
    try:
        tls.createSecureContext(value)
        print(name, 'ok')
    except TypeError as err:
        print(name, fmt(err), 'TypeError', str(err))
