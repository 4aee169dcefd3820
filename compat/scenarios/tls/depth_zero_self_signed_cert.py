from compat.tls_case import run_case

run_case({'key': 'file:self-signed-key.pem', 'cert': 'file:self-signed-cert.pem'}, {})
