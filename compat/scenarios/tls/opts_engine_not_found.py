# covers: privateKeyEngine, privateKeyIdentifier, clientCertEngine, ERR_CRYPTO_OPERATION_FAILED, ERR_SSL_ENGINE_LIB
# An engine OpenSSL cannot find (nor load as a path) is Node's error of
# OpenSSL's queue: no code, the oldest error its message, the rest in
# opensslErrorStack. The dynamic engine, not loaded with anything, will not
# initialise. Each through createSecureContext, tls.createServer, tls.connect.
import gnet.tls as tls
from compat.trace import show, _js_error_name


def report(label, e):
    show(label, _js_error_name(e), getattr(e, 'code', None), str(e), getattr(e, 'library', None),
         getattr(e, 'reason', None), getattr(e, 'opensslErrorStack', None))


def connect(opts):
    sock = tls.connect(dict({'port': 1}, **opts))
    sock.on('error', lambda e: None)
    sock.destroy()


calls = {
    'context': tls.createSecureContext,
    'server': tls.createServer,
    'connect': connect,
}
for name, call in calls.items():
    for opts in [
            {'privateKeyIdentifier': 'x', 'privateKeyEngine': 'nonexistent'},
            {'privateKeyIdentifier': 'x', 'privateKeyEngine': '/nonexistent/engine.so'},
            {'privateKeyIdentifier': 'x', 'privateKeyEngine': ''},
            {'privateKeyIdentifier': '', 'privateKeyEngine': 'dynamic'},
            {'clientCertEngine': 'nonexistent'},
            {'clientCertEngine': 'dynamic'},
    ]:
        label = ' '.join([name] + ['%s=%s' % (k, v) for k, v in opts.items()])
        try:
            call(opts)
            show(label, 'ok')
        except Exception as e:
            report(label, e)
