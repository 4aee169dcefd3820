import gnet
from compat.trace import show


def esc(s):
    units = s.encode('utf-16-le', 'surrogatepass')
    out = []
    for i in range(0, len(units), 2):
        u = units[i] | (units[i + 1] << 8)
        out.append(chr(u) if 0x20 <= u <= 0x7e else '\\u%04x' % u)
    return ''.join(out)


pieces = [bytes.fromhex(h) for h in ['610062', '003dd8', '00de6300']]


def on_connection(conn):
    state = {'next': 0}

    def send():
        piece = pieces[state['next']]
        state['next'] += 1
        if state['next'] == len(pieces):
            conn.end(piece)
        else:
            conn.write(piece)

    def on_data(d):
        if state['next'] < len(pieces):
            send()
    conn.on('data', on_data)
    conn.on('close', lambda: server.close())
    send()


server = gnet.createServer(on_connection)


def on_listening():
    sock = gnet.connect(server.address()['port'], '127.0.0.1')
    show('setEncoding returns socket', sock.setEncoding('utf16le') is sock)
    parts = []

    def on_data(s):
        show('data', 'string' if isinstance(s, str) else type(s).__name__, esc(s) if isinstance(s, str) else s)
        parts.append(s)
        sock.write('k')
    sock.on('data', on_data)
    sock.on('end', lambda: show('end', esc(''.join(parts))))


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
