# covers: crl
# The CA's revocation list does not name the server's certificate: the
# connection is authorized as without a list.
from compat.tls_case import run_case

run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem'}, {'ca': 'file:ca.pem', 'crl': 'file:crl.pem'})
