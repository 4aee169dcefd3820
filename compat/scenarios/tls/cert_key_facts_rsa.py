# covers: getPeerCertificate
# An RSA certificate's key facts: modulus, bits, exponent and pubkey (the
# SubjectPublicKeyInfo DER); the keys come in Node's order.
from compat.tls_case import run_case


def client(sock, c):
    cert = sock.getPeerCertificate()
    c('keys', ','.join(cert))
    for name in ['bits', 'pubkey', 'asn1Curve', 'nistCurve', 'modulus', 'exponent']:
        c(name, cert.get(name))
    sock.end()


run_case({'key': 'file:rsa-server-key.pem', 'cert': 'file:rsa-server-cert.pem'},
         {'ca': 'file:ca.pem', 'servername': 'localhost'}, client_hook=client)
