# covers: secureProtocol, tlsClientError, ERR_SSL_CALLED_A_FUNCTION_YOU_SHOULD_NOT_CALL
# A client-only method (TLS_client_method) on a server: its handshake fails
# when the ClientHello comes; the client sees the connection end.
from compat.tls_case import run_case

run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem', 'secureProtocol': 'TLS_client_method'},
         {'ca': 'file:ca.pem'})
