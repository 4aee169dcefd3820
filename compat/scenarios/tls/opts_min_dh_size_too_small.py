# covers: minDHSize, getEphemeralKeyInfo, ERR_TLS_DH_PARAM_SIZE
# A DHE server with a 2048-bit group and a client asking for at least 2049
# bits: the handshake completes, then the client emits ERR_TLS_DH_PARAM_SIZE
# (whose message says 2048 whatever minDHSize was) and is destroyed without
# an error of its own; the server sees the connection end.
from compat.tls_case import run_case

run_case({'key': 'file:rsa-server-key.pem', 'cert': 'file:rsa-server-cert.pem', 'dhparam': 'file:dh2048.pem',
          'ciphers': 'DHE-RSA-AES128-GCM-SHA256', 'maxVersion': 'TLSv1.2'},
         {'ca': 'file:ca.pem', 'minDHSize': 2049, 'rejectUnauthorized': False})
