# covers: createSecureContext ca, addCACert, ERR_INVALID_ARG_TYPE, UNABLE_TO_VERIFY_LEAF_SIGNATURE
# What each `ca` makes a client trust, the server's certificate being issued
# by ca.pem: an item is read for PEM certificates up to the first block that
# does not decode; text holding none, DER included, is no error and trusts
# nothing; items of an array are read apart; a falsy ca keeps the default
# roots (which do not hold the test CA); an item of another type throws.
import ssl

import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

ca = cert('ca.pem').decode('latin1')
lines = ca.strip().split('\n')
body = lines[1:-1]


def block(label, rows):
    return '-----BEGIN %s-----\n%s\n-----END %s-----\n' % (label, '\n'.join(rows), label)


truncated = block('CERTIFICATE', body[:5])
corrupt = block('CERTIFICATE', ['!' * len(line) if i == 3 else line for i, line in enumerate(body)])
der = ssl.PEM_cert_to_DER_cert(ca)

cases = [
    ('garbage string', 'bad'),
    ('empty string', ''),
    ('zero bytes', bytes(16)),
    ('empty buffer', b''),
    ('garbage around a good certificate', 'garbage\n' + ca + 'more garbage\n'),
    ('truncated certificate', truncated),
    ('corrupt certificate', corrupt),
    ('no END line', '\n'.join(lines[:-1]) + '\n'),
    ('corrupt then good', corrupt + ca),
    ('truncated then good', truncated + ca),
    ('good then corrupt', ca + corrupt),
    ('other CA then good', cert('other-ca.pem').decode('latin1') + ca),
    ('a key then good', cert('server-key.pem').decode('latin1') + ca),
    ('CRLF line ends', ca.replace('\n', '\r\n')),
    ('TRUSTED CERTIFICATE block', block('TRUSTED CERTIFICATE', body)),
    ('X509 CERTIFICATE block', block('X509 CERTIFICATE', body).encode()),
    ('array good, garbage', [ca, 'bad']),
    ('array garbage, good', ['bad', ca]),
    ('array corrupt, good', [corrupt, ca]),
    ('empty array', []),
    ('DER', der),
    ('DER in an array', [der, 'x']),
    ('Uint8Array', bytearray(ca.encode())),
    ('false', False),
    ('zero', 0),
    ('number', 5),
    ('object', {}),
    ('array with a number', [ca, 5]),
    ('array with undefined', [ca, None]),
    ('array with a boolean', ['bad', True]),
]

server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')}, lambda sock: sock.end())


def next_case(i):
    if i == len(cases):
        server.close()
        return
    name, value = cases[i]
    try:
        secure_context = tls.createSecureContext({'ca': value})
    except Exception as e:
        show(name, 'throws', e, str(e))
        next_case(i + 1)
        return
    sock = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'servername': 'localhost',
                        'secureContext': secure_context, 'rejectUnauthorized': False})
    sock.on('secureConnect', lambda: show(name, 'secureConnect', sock.authorized, sock.authorizationError))
    sock.on('error', lambda e: show(name, 'error', e, str(e)))
    sock.on('close', lambda *_: next_case(i + 1))
    sock.resume()


server.listen(0, '127.0.0.1', lambda: next_case(0))
gnet.run()
