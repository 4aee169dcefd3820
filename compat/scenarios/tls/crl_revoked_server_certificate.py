# covers: crl, CERT_REVOKED
# A client given the CA's revocation list refuses the revoked server
# certificate; the same list lets an unrevoked one through.
from compat.tls_case import run_case

run_case({'key': 'file:revoked-key.pem', 'cert': 'file:revoked-cert.pem'}, {'ca': 'file:ca.pem', 'crl': 'file:crl.pem'})
