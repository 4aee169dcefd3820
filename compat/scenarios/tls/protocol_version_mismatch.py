from compat.tls_case import run_case

run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem', 'minVersion': 'TLSv1.3'}, {'ca': 'file:ca.pem', 'maxVersion': 'TLSv1.2'})
