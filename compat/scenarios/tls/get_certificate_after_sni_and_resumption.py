import json

import gnet
import gnet.tls as tls
from compat.tls_case import cert, sides

sni_context = tls.createSecureContext({'key': cert('sni-key.pem'), 'cert': cert('sni-cert.pem')})


def who(x):
    """The certificate, told apart by its names and its key's type."""
    if x and x.get('subjectaltname'):
        return [x['subjectaltname'], 'RSA' if x.get('modulus') else 'EC']
    return x


def run(name, server_opts, client_opts, add_context, then):
    """Two connections one after the other (the second resumes the first's
    session), each side's getCertificate() at each step."""
    c, s, report = sides()
    state = {'closed': 0, 'proceed': None}

    def closing():
        state['closed'] += 1
        if state['closed'] % 2 == 0:
            state['proceed']()

    def on_secure(sock):
        s('secureConnection', sock.isSessionReused(), sock.getCipher()['name'], who(sock.getCertificate()))

        def on_close(*_):
            s('close', who(sock.getCertificate()))
            closing()

        sock.on('close', on_close)
        sock.end()

    server = tls.createServer(server_opts, on_secure)
    if add_context:
        server.addContext('sni.example', {'key': cert('sni-key.pem'), 'cert': cert('sni-cert.pem')})

    def listening():
        def connect(which, session, after):
            sock = tls.connect(dict(client_opts(), port=server.address()['port'], host='127.0.0.1', session=session))
            kept = [None]
            c(which, 'connect', who(sock.getCertificate()))

            def on_session(data):
                kept[0] = data

            def on_close(*_):
                c(which, 'close', who(sock.getCertificate()))
                closing()

            sock.on('session', on_session)
            sock.on('secureConnect', lambda: c(which, 'secureConnect', sock.isSessionReused(),
                                               who(sock.getCertificate())))
            sock.on('error', lambda err: c(which, 'error', err))
            sock.resume()
            sock.on('close', on_close)
            state['proceed'] = lambda: after(kept[0])

        def finish(_):
            server.close()
            report(name)
            then()

        connect('first', None, lambda session: connect('second', session, finish))

    server.listen(0, '127.0.0.1', listening)


server_cert = {'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')}


def to_sni():
    return {'ca': cert('ca.pem'), 'servername': 'sni.example', 'maxVersion': 'TLSv1.2'}


def by_hand(then):
    """A server end made by hand: its certificate, its context's, from the start."""
    c, s, report = sides()
    closed = [0]

    def done(*_):
        closed[0] += 1
        if closed[0] == 2:
            server.close()
            report('TLSSocket')
            then()

    def on_connection(raw):
        sock = tls.TLSSocket(raw, {'isServer': True, 'secureContext': tls.createSecureContext(server_cert)})
        s('new', who(sock.getCertificate()))

        def on_secure():
            s('secure', who(sock.getCertificate()))
            sock.end()

        def on_close(*_):
            s('close', who(sock.getCertificate()))
            done()

        sock.on('secure', on_secure)
        sock.on('error', lambda err: s('error', err))
        sock.on('close', on_close)

    server = gnet.createServer(on_connection)

    def listening():
        sock = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem')})
        sock.on('secureConnect', lambda: c('secureConnect', sock.authorized))
        sock.on('error', lambda err: c('error', err))
        sock.resume()
        sock.on('close', done)

    server.listen(0, '127.0.0.1', listening)


def unconnected():
    sock = tls.TLSSocket(None, server_cert)
    print('TLSSocket(null)', json.dumps(who(tls.TLSSocket(None).getCertificate()), separators=(',', ':')),
          json.dumps(who(sock.getCertificate()), separators=(',', ':')), flush=True)
    sock.destroy()
    print('TLSSocket(null) destroyed', json.dumps(sock.getCertificate()), flush=True)


two_keys = {'key': [cert('server-key.pem'), cert('rsa-server-key.pem')],
            'cert': [cert('server-cert.pem'), cert('rsa-server-cert.pem')]}

run('SNICallback', dict(server_cert, SNICallback=lambda servername, callback: callback(None, sni_context)),
    to_sni, False, lambda:
    run('addContext', server_cert, to_sni, True, lambda:
        run('client certificate', dict(server_cert, requestCert=True, ca=cert('ca.pem')),
            lambda: {'secureContext': tls.createSecureContext({'key': cert('client-key.pem'),
                                                               'cert': cert('client-cert.pem'),
                                                               'ca': cert('ca.pem'), 'maxVersion': 'TLSv1.2'})},
            False, lambda:
            run('two keys, RSA cipher', two_keys,
                lambda: {'ca': cert('ca.pem'), 'maxVersion': 'TLSv1.2', 'ciphers': 'ECDHE-RSA-AES128-GCM-SHA256'},
                False, lambda:
                run('two keys, ECDSA cipher', two_keys,
                    lambda: {'ca': cert('ca.pem'), 'maxVersion': 'TLSv1.2',
                             'ciphers': 'ECDHE-ECDSA-AES128-GCM-SHA256'},
                    False, lambda:
                    by_hand(unconnected))))))
gnet.run()
