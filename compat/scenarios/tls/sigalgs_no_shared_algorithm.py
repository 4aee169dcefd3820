# covers: sigalgs
# The server's certificate is an EC key; a client that accepts RSA-PSS
# signatures only leaves it nothing to sign the handshake with.
from compat.tls_case import run_case

run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem'},
         {'ca': 'file:ca.pem', 'sigalgs': 'RSA-PSS+SHA256'})
