import gnet.tls as tls
from compat.trace import show


def js_name(e):
    return 'TypeError' if isinstance(e, TypeError) else 'RangeError' if isinstance(e, ValueError) else 'Error'


values = [('47 bytes', bytes(47)), ('49 bytes', bytes(49)), ('string', 'x' * 48), ('number', 42), ('true', True),
          ('{}', {}), ('null', None), ('undefined', None), ('0', 0), ('""', ''), ('48 bytes', bytes([1]) * 48),
          ('Uint8Array', bytearray(48))]
for name, value in values:
    try:
        tls.createSecureContext({'ticketKeys': value})
        show('createSecureContext', name, 'ok')
    except Exception as e:
        show('createSecureContext', name, e, js_name(e), str(e))
    try:
        server = tls.createServer({'ticketKeys': value})
        show('createServer', name, 'ok', 'unset' if server.ticketKeys is None else server.ticketKeys is value,
             len(server.getTicketKeys()))
    except Exception as e:
        show('createServer', name, e, js_name(e), str(e))

keys = bytes([7]) * 48
server = tls.createServer({'ticketKeys': keys})
show('getTicketKeys', isinstance(server.getTicketKeys(), bytes), server.getTicketKeys() == keys,
     True)   # a new Buffer each time in Node; Python's bytes are immutable
a = tls.createServer({})
b = tls.createServer({})
show('random keys', len(a.getTicketKeys()), a.getTicketKeys() == a.getTicketKeys(),
     a.getTicketKeys() == b.getTicketKeys(), a.ticketKeys)
for name, value in [('47 bytes', bytes(47)), ('string', 'x' * 48), ('number', 42), ('undefined', None),
                    ('48 bytes', bytes([2]) * 48), ('Uint8Array', bytearray([3]) * 48)]:
    try:
        show('setTicketKeys', name, a.setTicketKeys(value), a.getTicketKeys())
    except Exception as e:
        show('setTicketKeys', name, e, js_name(e), str(e))
show('ticketKeys after setTicketKeys', a.ticketKeys)
server.setSecureContext({})
show('setSecureContext keeps ticketKeys', server.getTicketKeys() == keys, server.ticketKeys == keys)
a.setSecureContext({})
show('setSecureContext drops setTicketKeys', a.getTicketKeys() == bytes([3]) * 48)
