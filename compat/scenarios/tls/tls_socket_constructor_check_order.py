# covers: TLSSocket, ERR_TLS_INVALID_CONTEXT, ALPNCallback, SNICallback, server option
# new tls.TLSSocket(null, options) with several bad options reports the first
# in Node's order: enableTrace, the context, net.Socket's options, then (a
# server side) ALPNCallback, the server option (its listenerCount), the
# SNICallback, pskCallback. Each line drops the first bad option of the last.
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show, _js_error_name

context = tls.createSecureContext({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')})
bad = [('enableTrace', 'yes'), ('secureContext', {}), ('highWaterMark', 'x'), ('ALPNCallback', 5),
       ('server', {}), ('SNICallback', 5), ('pskCallback', 5)]
for is_server in (True, False):
    last = len(bad) if is_server else 3
    for i in range(last):
        opts = {'isServer': is_server, 'secureContext': context}
        for k, v in bad[i:]:
            if is_server or k not in ('highWaterMark', 'pskCallback'):
                opts[k] = v
        label = ['server' if is_server else 'client', bad[i][0]]
        try:
            tls.TLSSocket(None, opts).destroy()
            show(*label, 'ok')
        except Exception as e:
            show(*label, _js_error_name(e), getattr(e, 'code', None), str(e))
