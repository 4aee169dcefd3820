from compat.psk_case import KEY, run_psk_cases

ciphers = 'PSK-AES128-GCM-SHA256'
run_psk_cases([
    ('tls1.2', {'ciphers': ciphers, 'pskCallback': lambda sock, ident: bytes([7] * 16)},
     {'ciphers': ciphers, 'maxVersion': 'TLSv1.2', 'pskCallback': lambda hint: {'psk': KEY, 'identity': 'alice'}}),
])
