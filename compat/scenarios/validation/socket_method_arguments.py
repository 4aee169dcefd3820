import math

import gnet
from compat.trace import show


def kind(err):
    if isinstance(err, ValueError):
        return 'RangeError'
    if isinstance(err, TypeError):
        return 'TypeError'
    return 'Error'


def attempt(label, fn):
    try:
        fn()
    except Exception as err:
        show(label, getattr(err, 'code', None), str(err), kind(err))
        return
    show(label, 'ok')


def on_connection(conn):
    got = []
    conn.setEncoding('latin1')
    conn.on('data', lambda d: got.append(d))

    def on_end():
        show('server got', ''.join(got))
        server.close()
    conn.on('end', on_end)


server = gnet.createServer(on_connection)


def on_listening():
    sock = None

    def on_connect():
        attempt('setTimeout -1', lambda: sock.setTimeout(-1))
        attempt('setTimeout string', lambda: sock.setTimeout('x'))
        attempt('setTimeout numeric string', lambda: sock.setTimeout('10'))
        attempt('setTimeout Infinity', lambda: sock.setTimeout(math.inf))
        attempt('setTimeout NaN', lambda: sock.setTimeout(math.nan))
        attempt('setTimeout true', lambda: sock.setTimeout(True))
        attempt('setTimeout undefined', lambda: sock.setTimeout())
        attempt('setTimeout 2**31', lambda: sock.setTimeout(2 ** 31))
        attempt('setTimeout 1.5', lambda: sock.setTimeout(1.5))
        attempt('setTimeout callback string', lambda: sock.setTimeout(1000, 'x'))
        attempt('setTimeout callback object', lambda: sock.setTimeout(1000, {}))
        attempt('setTimeout 0 callback string', lambda: sock.setTimeout(0, 'x'))
        attempt('setTimeout callback undefined', lambda: sock.setTimeout(0, None))
        show('timeout', sock.timeout)
        attempt('setKeepAlive string', lambda: sock.setKeepAlive('x'))
        attempt('setKeepAlive delay string', lambda: sock.setKeepAlive(True, 'x'))
        attempt('setKeepAlive delay -1', lambda: sock.setKeepAlive(True, -1))
        attempt('setKeepAlive no args', lambda: sock.setKeepAlive())
        attempt('setNoDelay string', lambda: sock.setNoDelay('x'))
        attempt('setNoDelay no args', lambda: sock.setNoDelay())
        attempt('setEncoding bogus', lambda: sock.setEncoding('bogus'))
        attempt('setEncoding number', lambda: sock.setEncoding(5))
        attempt('write null', lambda: sock.write(None))
        attempt('write undefined', lambda: sock.write())
        attempt('write number', lambda: sock.write(1))
        attempt('write object', lambda: sock.write({}))
        attempt('write array', lambda: sock.write([1, 2]))
        attempt('write true', lambda: sock.write(True))
        attempt('write bogus encoding', lambda: sock.write('x', 'bogus-encoding'))
        attempt('write buffer bogus encoding', lambda: sock.write(b'y', 'bogus-encoding'))
        attempt('write null bogus encoding', lambda: sock.write(None, 'bogus-encoding'))
        attempt('write number bogus encoding', lambda: sock.write(1, 'bogus-encoding'))
        attempt('write callback string', lambda: sock.write('A', 'utf8', 'x'))
        attempt('write empty string', lambda: sock.write(''))
        attempt('write hex', lambda: sock.write('4243', 'hex'))
        attempt('end number', lambda: sock.end(1))
        attempt('end object', lambda: sock.end({}))
        attempt('end bogus encoding', lambda: sock.end('x', 'bogus-encoding'))
        show('writableEnded', sock.writableEnded)
        attempt('end null', lambda: sock.end(None))
        show('writableEnded', sock.writableEnded)

    sock = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
