from compat.tls_case import run_case

run_case({'key': 'file:expired-key.pem', 'cert': 'file:expired-cert.pem'}, {'ca': 'file:ca.pem'})
