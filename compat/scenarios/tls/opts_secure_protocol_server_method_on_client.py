# covers: secureProtocol, ERR_SSL_CALLED_A_FUNCTION_YOU_SHOULD_NOT_CALL
# A server-only method (TLSv1_2_server_method) on a client's side: OpenSSL
# refuses to start the handshake.
from compat.tls_case import run_case

run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem'},
         {'ca': 'file:ca.pem', 'secureProtocol': 'TLSv1_2_server_method'})
