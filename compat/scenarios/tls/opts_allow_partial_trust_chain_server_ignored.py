# covers: allowPartialTrustChain, requestCert, UNABLE_TO_GET_ISSUER_CERT
# A tls.Server does not hand allowPartialTrustChain to its context: a client
# certificate issued by an intermediate the server alone trusts is still
# unauthorized there.
from compat.tls_case import run_case

run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem', 'ca': 'file:intermediate-ca.pem',
          'requestCert': True, 'rejectUnauthorized': False, 'allowPartialTrustChain': True},
         {'ca': 'file:ca.pem', 'key': 'file:partial-client-key.pem', 'cert': 'file:partial-client-chain.pem'})
