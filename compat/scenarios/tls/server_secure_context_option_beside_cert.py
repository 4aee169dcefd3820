# covers: createServer, secureContext
# A server given a secureContext and its own key and cert serves its own
# (sni.example's), not the context's (localhost's).
import gnet.tls as tls
from compat.tls_case import run_case, cert

secure_context = tls.createSecureContext({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')})


def client(sock, c):
    c('peer', sock.getPeerCertificate()['subject']['CN'])
    sock.end()


run_case({'secureContext': secure_context, 'key': 'file:sni-key.pem', 'cert': 'file:sni-cert.pem'},
         {'ca': 'file:ca.pem', 'servername': 'sni.example'}, client_hook=client)
