# covers: createServer, secureContext
# tls.createServer does not read a secureContext option: a server given only
# one has no certificate, so the handshake fails (and a non-context is not
# looked at).
import gnet.tls as tls
from compat.tls_case import run_case, cert
from compat.trace import show

secure_context = tls.createSecureContext({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')})
tls.createServer({'secureContext': 5})
show('secureContext 5 accepted')
run_case({'secureContext': secure_context}, {'ca': 'file:ca.pem', 'servername': 'localhost'})
