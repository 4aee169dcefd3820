# covers: ALPNCallback, alpnProtocol
# The server's ALPNCallback gets the client's protocols and its SNI name
# (false without one) and chooses; both ends see its choice.
from compat.tls_case import run_case
from compat.trace import show


def alpn_callback(info):
    show('ALPNCallback', info['servername'], info['protocols'])
    return info['protocols'][-1]


run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem', 'ALPNCallback': alpn_callback},
         {'ca': 'file:ca.pem', 'ALPNProtocols': ['h2', 'http/1.1', 'x-gnet']})
