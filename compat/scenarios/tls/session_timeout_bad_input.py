import gnet.tls as tls
from compat.trace import show

values = [('abc', 'abc'), ('"10"', '10'), ('true', True), ('{}', {}), ('-1', -1), ('1.5', 1.5),
          ('NaN', float('nan')), ('Infinity', float('inf')), ('2**31', 2 ** 31), ('2**31-1', 2 ** 31 - 1), ('0', 0),
          ('null', None), ('undefined', None), ('300', 300)]


def js_name(e):
    return 'TypeError' if isinstance(e, TypeError) else 'RangeError' if isinstance(e, ValueError) else 'Error'


for name, value in values:
    try:
        tls.createSecureContext({'sessionTimeout': value})
        show('createSecureContext', name, 'ok')
    except Exception as e:
        show('createSecureContext', name, e, js_name(e), str(e))
    try:
        server = tls.createServer({'sessionTimeout': value})
        show('createServer', name, 'ok', server.sessionTimeout)
    except Exception as e:
        show('createServer', name, e, js_name(e), str(e))
