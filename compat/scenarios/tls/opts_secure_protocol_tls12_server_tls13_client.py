# covers: secureProtocol, minVersion, ERR_SSL_UNSUPPORTED_PROTOCOL, ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION
# A server pinned to TLS 1.2 (TLSv1_2_server_method) and a client that wants TLS 1.3 only.
from compat.tls_case import run_case

run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem', 'secureProtocol': 'TLSv1_2_server_method'},
         {'ca': 'file:ca.pem', 'minVersion': 'TLSv1.3'})
