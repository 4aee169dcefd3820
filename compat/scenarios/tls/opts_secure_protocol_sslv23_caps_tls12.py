# covers: secureProtocol
# SSLv23_method is "TLS up to 1.2" (TLS 1.3 left out), TLS_method everything.
from compat.tls_case import run_case

run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem', 'secureProtocol': 'TLS_method'},
         {'ca': 'file:ca.pem', 'secureProtocol': 'SSLv23_method'})
