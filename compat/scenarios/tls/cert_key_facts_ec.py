# covers: getPeerCertificate
# An EC certificate's key facts: pubkey is the point alone (04...), with bits,
# asn1Curve and nistCurve; the keys come in Node's order.
from compat.tls_case import run_case


def client(sock, c):
    cert = sock.getPeerCertificate()
    c('keys', ','.join(cert))
    for name in ['bits', 'pubkey', 'asn1Curve', 'nistCurve', 'modulus', 'exponent']:
        c(name, cert.get(name))
    sock.end()


run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem'},
         {'ca': 'file:ca.pem', 'servername': 'localhost'}, client_hook=client)
