from compat.tls_case import run_case

run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem', 'requestCert': True, 'rejectUnauthorized': False, 'ca': 'file:other-ca.pem'}, {'ca': 'file:ca.pem', 'key': 'file:client-key.pem', 'cert': 'file:client-cert.pem'})
