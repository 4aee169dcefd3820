import gnet
from compat.trace import show

# Each side's events are logged apart and printed once both sockets closed:
# the order between the two sides is not fixed.
log = {'client': [], 'server': []}
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
    def on_close(hadError):
        log['server'].append(['close', hadError])
        done()

    s.on('data', lambda d: log['server'].append(['data', d]))
    s.on('end', lambda: log['server'].append(['end']))
    s.on('finish', lambda: log['server'].append(['finish']))
    s.on('error', lambda err: log['server'].append(['error', err]))
    s.on('close', on_close)
    s.write('hi')


server = gnet.createServer(on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')

    def on_data(d):
        log['client'].append(['data', d])
        c.destroy()
        log['client'].append(['destroyed', c.destroyed, c.readyState])

    def on_close(hadError):
        log['client'].append(['close', hadError])
        done()

    c.on('data', on_data)
    c.on('end', lambda: log['client'].append(['end']))
    c.on('error', lambda err: log['client'].append(['error', err]))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
