from compat.tls_case import run_case

run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem'}, {'ca': 'file:ca.pem', 'servername': 'localhost'})
