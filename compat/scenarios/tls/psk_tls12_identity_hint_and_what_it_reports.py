from compat.psk_case import KEY, run_psk_cases

ciphers = 'PSK-AES128-GCM-SHA256'
run_psk_cases([
    ('tls1.2 only', {'ciphers': ciphers, 'pskIdentityHint': 'gnet hint', 'pskCallback': lambda sock, ident: KEY},
     {'ciphers': ciphers, 'maxVersion': 'TLSv1.2', 'pskCallback': lambda hint: {'psk': KEY, 'identity': 'alice'}}),
    ('client allows tls1.3', {'ciphers': ciphers, 'maxVersion': 'TLSv1.2', 'pskIdentityHint': 'gnet hint',
                              'pskCallback': lambda sock, ident: KEY},
     {'ciphers': ciphers, 'pskCallback': lambda hint: {'psk': KEY, 'identity': 'alice'}}),
    ('no hint, key in an object', {'ciphers': ciphers, 'pskCallback': lambda *a: {'psk': bytearray(KEY)}},
     {'ciphers': ciphers, 'maxVersion': 'TLSv1.2', 'pskCallback': lambda *a: {'psk': KEY, 'identity': 'bob'}}),
    ('ECDHE-PSK', {'ciphers': 'ECDHE-PSK-AES128-CBC-SHA256', 'pskCallback': lambda sock, ident: KEY},
     {'ciphers': 'ECDHE-PSK-AES128-CBC-SHA256', 'maxVersion': 'TLSv1.2',
      'pskCallback': lambda hint: {'psk': KEY, 'identity': 'carol'}}),
])
