# covers: createSecureContext, key, cert, passphrase, createServer, connect, setSecureContext, addContext
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

key = cert('server-key.pem')
crt = cert('server-cert.pem')
other_key = cert('sni-key.pem')
encrypted = cert('encrypted-key.pem')
cases = [
    ('bad key', {'key': 'bad'}),
    ('bad cert', {'cert': 'bad'}),
    ('both bad', {'key': 'bad', 'cert': 'bad'}),
    ('key alone', {'key': key}),
    ('cert alone', {'cert': crt}),
    ('mismatch', {'key': other_key, 'cert': crt}),
    ('strings', {'key': key.decode(), 'cert': crt.decode()}),
    ('key array, second mismatches', {'key': [key, other_key], 'cert': crt}),
    ('key array, second bad', {'key': [key, 'bad'], 'cert': crt}),
    ('cert array, second bad', {'key': key, 'cert': [crt, 'bad']}),
    ('swapped', {'key': crt, 'cert': key}),
    ('chain with a broken certificate',
     {'key': key, 'cert': crt + b'-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'}),
    ('encrypted, no passphrase', {'key': encrypted, 'cert': crt}),
    ('encrypted, wrong passphrase', {'key': encrypted, 'passphrase': 'nope', 'cert': crt}),
    ('encrypted, passphrase', {'key': encrypted, 'passphrase': 'secret', 'cert': crt}),
    ('pem object alone', {'key': {'pem': encrypted, 'passphrase': 'secret'}, 'cert': crt}),
    ('pem objects, wrong passphrase', {'key': [{'pem': encrypted, 'passphrase': 'nope'}], 'cert': crt}),
    ('pem objects, passphrase', {'key': [{'pem': encrypted, 'passphrase': 'secret'}], 'cert': crt}),
    ('pem objects, top passphrase', {'key': [{'pem': encrypted}], 'passphrase': 'secret', 'cert': crt}),
    ('pem objects, no pem', {'key': [{'passphrase': 'x'}], 'cert': crt}),
    ('pem objects, passphrase a number', {'key': [{'pem': encrypted, 'passphrase': 5}], 'cert': crt}),
    ('passphrase a Buffer', {'key': encrypted, 'passphrase': b'secret', 'cert': crt}),
    ('passphrase without key', {'passphrase': 5}),
    ('cert object', {'cert': {'pem': crt}}),
    ('key number in array', {'key': [5], 'cert': crt}),
    ('empty key', {'key': '', 'cert': crt}),
    ('false key', {'key': False, 'cert': crt}),
    ('order: ciphers before key', {'key': 'bad', 'ciphers': 5}),
    ('order: cipher match before ca', {'ca': 5, 'ciphers': 'nonsense'}),
    ('order: ca before cert', {'ca': 5, 'cert': 'bad'}),
    ('order: cert before key', {'key': 5, 'cert': 'bad'}),
    ('order: key before sigalgs', {'key': 'bad', 'sigalgs': 5}),
    ('order: key before ecdhCurve', {'key': 'bad', 'ecdhCurve': 5}),
    ('order: ecdhCurve before crl', {'ecdhCurve': 5, 'crl': 5}),
    ('order: crl before sessionIdContext', {'crl': 5, 'sessionIdContext': 5}),
]


def report(name, e):
    if name.startswith('order:'):
        show(name, getattr(e, 'code', None))
        return
    show(name, 'TypeError' if isinstance(e, TypeError) else 'Error', getattr(e, 'code', None), str(e),
         getattr(e, 'library', None), getattr(e, 'reason', None), getattr(e, 'opensslErrorStack', None))


for name, options in cases:
    try:
        tls.createSecureContext(options)
        show(name, 'ok')
    except Exception as e:
        report(name, e)


def connect(o):
    sock = tls.connect(dict({'port': 1, 'host': '127.0.0.1'}, **o))
    sock.on('error', lambda err: None)
    sock.destroy()


places = {
    'createServer': lambda o: tls.createServer(o),
    'connect': connect,
    'setSecureContext': lambda o: tls.createServer({'key': key, 'cert': crt}).setSecureContext(o),
    'addContext': lambda o: tls.createServer({'key': key, 'cert': crt}).addContext('a.example', o),
}
for place, fn in places.items():
    for name, options in [('bad key', {'key': 'bad', 'cert': crt}), ('mismatch', {'key': other_key, 'cert': crt}),
                          ('bad cert', {'key': key, 'cert': 'bad'})]:
        try:
            fn(options)
            show(place, name, 'ok')
        except Exception as e:
            report(place + ' ' + name, e)
