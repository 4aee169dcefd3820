# covers: ALPNCallback, tlsClientError, ERR_SSL_NO_APPLICATION_PROTOCOL, ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL
# An ALPNCallback returning undefined refuses every protocol the client
# offers: a fatal no_application_protocol alert, as with no protocol in common.
from compat.tls_case import run_case

run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem', 'ALPNCallback': lambda: None},
         {'ca': 'file:ca.pem', 'ALPNProtocols': ['a', 'b']})
