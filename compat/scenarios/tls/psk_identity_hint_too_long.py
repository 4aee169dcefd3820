from compat.psk_case import KEY, run_psk_cases

ciphers = 'PSK-AES128-GCM-SHA256'
client = {'ciphers': ciphers, 'maxVersion': 'TLSv1.2',
          'pskCallback': lambda hint: {'psk': KEY, 'identity': str(len(hint))}}
run_psk_cases([
    ('256 bytes', {'ciphers': ciphers, 'pskIdentityHint': 'h' * 256, 'pskCallback': lambda sock, ident: KEY}, client),
    ('257 bytes', {'ciphers': ciphers, 'pskIdentityHint': 'h' * 257, 'pskCallback': lambda sock, ident: KEY}, client),
    ('tls1.3, 257 bytes', {'pskIdentityHint': 'h' * 257, 'pskCallback': lambda sock, ident: KEY},
     {'pskCallback': lambda hint: {'psk': KEY, 'identity': 'alice'}}),
])
