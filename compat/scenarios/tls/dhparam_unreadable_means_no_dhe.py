# covers: dhparam, tlsClientError
# A dhparam that is no PEM DH group is ignored: the server has no DHE, so a
# client offering only a DHE cipher finds none in common.
from compat.tls_case import run_case

server = {'key': 'file:rsa-server-key.pem', 'cert': 'file:rsa-server-cert.pem', 'dhparam': 'garbage',
          'maxVersion': 'TLSv1.2'}
run_case(server, {'ca': 'file:ca.pem', 'servername': 'localhost', 'ciphers': 'DHE-RSA-AES128-GCM-SHA256'})
