# covers: ALPNCallback, servername, alpnProtocol
# With SNI the callback sees the name the client sent (here under TLS 1.2).
from compat.tls_case import run_case
from compat.trace import show


def alpn_callback(info):
    show('ALPNCallback', info['servername'], info['protocols'])
    return 'b'


run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem', 'maxVersion': 'TLSv1.2',
          'ALPNCallback': alpn_callback},
         {'ca': 'file:ca.pem', 'servername': 'localhost', 'ALPNProtocols': ['a', 'b']})
