from compat.tls_case import run_case

run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem', 'ALPNProtocols': ['h2']}, {'ca': 'file:ca.pem', 'ALPNProtocols': ['http/1.1']})
