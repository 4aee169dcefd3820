from compat.psk_case import KEY, run_psk_cases

ciphers = 'PSK-AES128-GCM-SHA256'
run_psk_cases([
    ('psk cipher list', {'ciphers': ciphers, 'pskCallback': lambda sock, ident: KEY},
     {'ciphers': ciphers, 'pskCallback': lambda hint: {'psk': KEY, 'identity': 'alice'}}),
    ('certificate, tls1.2 cipher list', {'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem',
                                         'ciphers': 'ECDHE-RSA-AES128-GCM-SHA256'},
     {'ca': 'file:ca.pem', 'ciphers': 'ECDHE-RSA-AES128-GCM-SHA256'}),
    ('tls1.3 suites only against tls1.2', {'ciphers': ciphers, 'maxVersion': 'TLSv1.2',
                                           'pskCallback': lambda sock, ident: KEY},
     {'ciphers': 'TLS_AES_128_GCM_SHA256', 'pskCallback': lambda hint: {'psk': KEY, 'identity': 'alice'}}),
])
