from compat.psk_case import KEY, run_psk_cases

ciphers = 'PSK-AES128-GCM-SHA256'
client = {'ciphers': ciphers, 'maxVersion': 'TLSv1.2', 'pskCallback': lambda hint: {'psk': KEY, 'identity': 'alice'}}
run_psk_cases([
    ('server answers null', {'ciphers': ciphers, 'pskCallback': lambda sock, ident: None}, client),
    ('client answers nothing', {'ciphers': ciphers, 'pskCallback': lambda sock, ident: KEY},
     {'ciphers': ciphers, 'maxVersion': 'TLSv1.2', 'pskCallback': lambda hint: None}),
    ('tls1.3 server answers null, no certificate', {'pskCallback': lambda sock, ident: None},
     {'pskCallback': lambda hint: {'psk': KEY, 'identity': 'alice'}}),
    ('tls1.3 server answers null, certificate', {'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem',
                                                 'pskCallback': lambda sock, ident: None},
     {'ca': 'file:ca.pem', 'pskCallback': lambda hint: {'psk': KEY, 'identity': 'alice'}}),
])
