from compat.psk_case import KEY, run_psk_cases


class ExampleError(Exception):
    code = 'EXAMPLE'


def throws(hint):
    raise ExampleError('no key here')


ciphers = 'PSK-AES128-GCM-SHA256'
server = {'ciphers': ciphers, 'pskCallback': lambda sock, ident: KEY}
answers = [
    ('a string', lambda hint: 'alice'),
    ('an array', lambda hint: [KEY, 'alice']),
    ('psk a string', lambda hint: {'psk': 'secret', 'identity': 'alice'}),
    ('no psk', lambda hint: {'identity': 'alice'}),
    ('psk 513 bytes', lambda hint: {'psk': bytes([1] * 513), 'identity': 'alice'}),
    ('identity a number', lambda hint: {'psk': KEY, 'identity': 42}),
    ('identity 257 bytes', lambda hint: {'psk': KEY, 'identity': 'a' * 257}),
    ('identity 129 characters, 258 bytes', lambda hint: {'psk': KEY, 'identity': '\u00e9' * 129}),
    ('it throws', throws),
]
cases = [(label, server, {'ciphers': ciphers, 'pskCallback': answer}) for label, answer in answers]
cases.append(('tls1.2, it throws', server, {'ciphers': ciphers, 'maxVersion': 'TLSv1.2', 'pskCallback': throws}))
long = bytes([1] * 512)
cases.append(('512 and 256 bytes are not too long', {'ciphers': ciphers, 'pskCallback': lambda sock, ident: long}, {
    'ciphers': ciphers, 'maxVersion': 'TLSv1.2', 'pskCallback': lambda hint: {'psk': long, 'identity': 'a' * 256}}))
run_psk_cases(cases)
