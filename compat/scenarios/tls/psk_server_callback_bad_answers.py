from compat.psk_case import KEY, run_psk_cases


class ExampleError(Exception):
    code = 'EXAMPLE'


def throws(*args):
    raise ExampleError('no key here')


ciphers = 'PSK-AES128-GCM-SHA256'
client = {'ciphers': ciphers, 'maxVersion': 'TLSv1.2', 'pskCallback': lambda hint: {'psk': KEY, 'identity': 'alice'}}
run_psk_cases([
    ('a string', {'ciphers': ciphers, 'pskCallback': lambda sock, ident: 'secret'}, client),
    ('a number', {'ciphers': ciphers, 'pskCallback': lambda sock, ident: 42}, client),
    ('a function', {'ciphers': ciphers, 'pskCallback': lambda sock, ident: throws}, client),
    ('an array', {'ciphers': ciphers, 'pskCallback': lambda sock, ident: [KEY]}, client),
    ('psk a string', {'ciphers': ciphers, 'pskCallback': lambda sock, ident: {'psk': 'secret'}}, client),
    ('513 bytes', {'ciphers': ciphers, 'pskCallback': lambda sock, ident: bytes([1] * 513)}, client),
    ('it throws', {'ciphers': ciphers, 'pskCallback': throws}, client),
    ('tls1.3, it throws', {'pskCallback': throws}, {'pskCallback': lambda hint: {'psk': KEY, 'identity': 'alice'}}),
])
