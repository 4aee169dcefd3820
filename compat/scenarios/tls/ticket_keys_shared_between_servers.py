import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

keys = bytes(i * 5 + 1 for i in range(48))
base = {'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')}


def ping(server, version, session, done):
    c = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                     'servername': 'localhost', 'maxVersion': version, 'session': session})
    facts = {'reused': None, 'kept': None}

    def on_secure():
        facts['reused'] = c.isSessionReused()
        c.write('ping')

    def on_end():
        facts['kept'] = c.getSession()

    c.on('secureConnect', on_secure)
    c.on('end', on_end)
    c.resume()
    c.on('close', lambda *_: done(facts['reused'], facts['kept']))


def listen(opts, cb):
    server = tls.createServer(opts, lambda s: s.on('data', lambda d: s.end(d)))
    server.on('tlsClientError', lambda err, *_: show('tlsClientError', err))
    server.listen(0, '127.0.0.1', lambda: cb(server))


def run(version, then):
    def with_a(a):
        def with_b(b):
            def with_c(c):
                def first(reused, session):
                    show(version, 'a first', reused)

                    def on_b(reused_b, *_):
                        show(version, 'b same keys', reused_b)

                        def on_c(reused_c, *_):
                            show(version, 'c other keys', reused_c)
                            c.setTicketKeys(keys)

                            def on_c2(reused_c2, *_):
                                show(version, 'c after setTicketKeys', reused_c2)
                                a.close()
                                b.close()
                                c.close(then)
                            ping(c, version, session, on_c2)
                        ping(c, version, session, on_c)
                    ping(b, version, session, on_b)
                ping(a, version, None, first)
            listen(dict(base, maxVersion=version), with_c)
        listen(dict(base, ticketKeys=a.getTicketKeys(), maxVersion=version), with_b)
    listen(dict(base, ticketKeys=keys, maxVersion=version), with_a)


run('TLSv1.2', lambda *_: run('TLSv1.3', lambda *_: None))
gnet.run()
