import gnet
from compat.trace import show

# Each side's events are logged apart and printed once both sockets closed:
# the order between the two sides is not fixed. The server ends with 'two'
# once the client has read 'one', so the two always arrive apart.
log = {'client': [], 'server': []}
server_side = []
closed = [0]


def done():
    closed[0] += 1
    if closed[0] < 2:
        return
    for line in log['client']:
        show('client', *line)
    for line in log['server']:
        show('server', *line)
    server.close(lambda: show('server closed'))


def on_connection(s):
    server_side.append(s)
    s.resume()

    def wrote():
        log['server'].append(['wrote after peer end', s.readyState])

    def on_end():
        log['server'].append(['end', s.readyState])
        s.write('one', wrote)

    def on_close(hadError):
        log['server'].append(['close', hadError])
        done()

    s.on('end', on_end)
    s.on('finish', lambda: log['server'].append(['finish', s.readyState]))
    s.on('close', on_close)


server = gnet.createServer({'allowHalfOpen': True}, on_connection)


def listening():
    c = gnet.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'allowHalfOpen': True},
                     lambda: c.end())

    def on_close(hadError):
        log['client'].append(['close', hadError])
        done()

    c.on('finish', lambda: log['client'].append(['finish', c.readyState]))
    def on_data(d):
        log['client'].append(['data', d, c.readyState])
        if d == b'one':
            server_side[0].end('two')

    c.on('data', on_data)
    c.on('end', lambda: log['client'].append(['end', c.readyState]))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
