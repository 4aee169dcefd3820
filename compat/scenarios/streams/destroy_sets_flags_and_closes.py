import gnet
from compat.trace import show

accepted = [0]


def on_connection(conn):
    accepted[0] += 1
    if accepted[0] == 2:
        conn.on('close', lambda: server.close())
    conn.resume()


server = gnet.createServer(on_connection)


class Boom(Exception):
    code = 'EBOOM'


def on_listening():
    port = server.address()['port']
    a = None

    def on_a_connect():
        a.write('pending')
        show('a destroy returns socket', a.destroy() is a)
        show('a after destroy', a.destroyed, a.readableEnded, a.writableEnded, a.writableFinished, a.readyState)
        a.write('late', lambda err: show('a late write callback', err, err and str(err)))
        gnet.nextTick(lambda: show('a tick after destroy'))

    def on_a_close(hadError):
        show('a close', hadError, a.destroyed)
        b = None

        def on_b_connect():
            b.destroy(Boom('boom'))
            show('b after destroy', b.destroyed)

        b = gnet.connect(port, '127.0.0.1', on_b_connect)
        b.on('error', lambda e: show('b error', e, str(e)))
        b.on('close', lambda hadError2: show('b close', hadError2))

    a = gnet.connect(port, '127.0.0.1', on_a_connect)
    for ev in ['end', 'finish', 'error']:
        a.on(ev, lambda *args, ev=ev: show('a', ev))
    a.on('close', on_a_close)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
