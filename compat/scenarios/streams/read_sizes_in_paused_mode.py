import gnet
from compat.trace import show


def esc(s):
    if not isinstance(s, str):
        return s
    units = s.encode('utf-16-le', 'surrogatepass')
    out = []
    for i in range(0, len(units), 2):
        u = units[i] | (units[i + 1] << 8)
        out.append(chr(u) if 0x20 <= u <= 0x7e else '\\u%04x' % u)
    return ''.join(out)


connections = [0]


def on_connection(conn):
    connections[0] += 1
    if connections[0] == 2:
        conn.on('close', lambda: server.close())
    conn.end('abc\u20acdef'.encode('utf-8'))


server = gnet.createServer(on_connection)


def start_text():
    text = gnet.connect(server.address()['port'], '127.0.0.1')
    text.setEncoding('utf8')
    m = [0]

    def on_readable():
        m[0] += 1
        show('text readable', m[0], text.readableLength)
        if m[0] == 1:
            show('read(4)', esc(text.read(4)), text.readableLength)
            show('read(1)', text.read(1), text.readableLength)
        show('read()', text.read())
    text.on('readable', on_readable)
    text.on('end', lambda: show('text end'))


def on_listening():
    plain = gnet.connect(server.address()['port'], '127.0.0.1')
    n = [0]

    def on_readable():
        n[0] += 1
        show('plain readable', n[0], plain.readableLength)
        if n[0] == 1:
            show('read(0)', plain.read(0), plain.readableLength)
            show('read(100)', plain.read(100), plain.readableLength)
            show('read()', plain.read(), plain.readableLength)
        show('read() again', plain.read())

    def on_end():
        show('plain end')
        start_text()
    plain.on('readable', on_readable)
    plain.on('end', on_end)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
