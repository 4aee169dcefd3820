# covers: ALPNCallback, alpnProtocol
# A client offering no protocol: the server's ALPNCallback is not called and
# no protocol is chosen (alpnProtocol false on both ends).
from compat.tls_case import run_case
from compat.trace import show


def alpn_callback():
    show('called')
    return 'a'


run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem', 'ALPNCallback': alpn_callback},
         {'ca': 'file:ca.pem'})
