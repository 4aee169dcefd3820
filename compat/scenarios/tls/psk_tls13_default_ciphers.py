import gnet.tls as tls
from compat.psk_case import KEY, run_psk_cases

run_psk_cases([
    ('default ciphers', {'pskCallback': lambda sock, ident: KEY},
     {'pskCallback': lambda hint: {'psk': KEY, 'identity': 'alice'}, 'checkServerIdentity': tls.checkServerIdentity}),
    ('TLS_AES_128_GCM_SHA256', {'ciphers': 'TLS_AES_128_GCM_SHA256', 'pskCallback': lambda sock, ident: KEY},
     {'ciphers': 'TLS_AES_128_GCM_SHA256', 'pskCallback': lambda hint: {'psk': KEY, 'identity': 'alice'}}),
    ('TLS_AES_256_GCM_SHA384 only', {'ciphers': 'TLS_AES_256_GCM_SHA384', 'pskCallback': lambda sock, ident: KEY},
     {'ciphers': 'TLS_AES_256_GCM_SHA384', 'pskCallback': lambda hint: {'psk': KEY, 'identity': 'alice'}}),
])
