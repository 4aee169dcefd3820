import gnet
from compat.trace import show

# The server writes 4 MiB to a client that ends its side at once and reads
# only after its 'finish'. ALLOW_HALF_OPEN false: the peer's FIN ends the
# server's side too, after what it had written ('drain' never comes, so it
# writes no more); true: the server writes everything, then ends. Either way
# the client reads exactly the bytes the server wrote.
ALLOW_HALF_OPEN = True
TOTAL = 4 * 1024 * 1024
log = {'client': [], 'server': []}
st = {'closed': 0, 'got': 0, 'written': 0, 'wrote_all': False}


def done():
    st['closed'] += 1
    if st['closed'] < 2:
        return
    for line in log['client']:
        show('client', *line)
    for line in log['server']:
        show('server', *line)
    show('client read all the server wrote', st['got'] == st['written'], 'all', st['got'] == TOTAL,
         'server wrote all', st['wrote_all'])
    server.close(lambda: show('server closed'))


def on_connection(s):
    chunk = b'h' * 65536
    sent = [0]

    def more():
        while sent[0] < TOTAL:
            sent[0] += len(chunk)
            if not s.write(chunk):
                s.once('drain', more)
                return
        st['wrote_all'] = True
        s.end()

    def on_finish():
        st['written'] = s.bytesWritten
        log['server'].append(['finish'])

    def on_close(hadError):
        log['server'].append(['close', hadError])
        done()

    more()
    # Half-open, the server may have written everything before it reads the FIN.
    s.on('end', lambda: log['server'].append(['end'] if ALLOW_HALF_OPEN else ['end', 'still queued', s.writableLength > 0]))
    s.on('finish', on_finish)
    s.on('error', lambda err: log['server'].append(['error', err]))
    s.on('close', on_close)


server = gnet.createServer({'allowHalfOpen': ALLOW_HALF_OPEN}, on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')
    c.pause()

    def on_finish():
        log['client'].append(['finish'])
        c.resume()

    def on_data(d):
        st['got'] += len(d)

    def on_close(hadError):
        log['client'].append(['close', hadError])
        done()

    c.on('connect', lambda: c.end())
    c.on('finish', on_finish)
    c.on('data', on_data)
    c.on('end', lambda: log['client'].append(['end']))
    c.on('error', lambda err: log['client'].append(['error', err]))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
