# covers: secureProtocol, ERR_SSL_NO_SUITABLE_SIGNATURE_ALGORITHM, ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR
# TLSv1_method on both sides: the method allows TLS 1.0, OpenSSL's security
# level (2) has no signature algorithm left for it.
from compat.tls_case import run_case

run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem', 'secureProtocol': 'TLSv1_method'},
         {'ca': 'file:ca.pem', 'secureProtocol': 'TLSv1_method'})
