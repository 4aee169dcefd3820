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

    s.on('end', lambda: log['server'].append(['end']))
    s.on('error', lambda err: log['server'].append(['error', err]))
    s.on('close', on_close)


server = gnet.createServer(on_connection)


def listening():
    def on_connect():
        c.destroy(Exception('boom'))
        log['client'].append(['destroyed', c.destroyed, isinstance(c.errored, Exception)])

    def on_close(hadError):
        log['client'].append(['close', hadError])
        done()

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('end', lambda: log['client'].append(['end']))
    c.on('error', lambda err: log['client'].append(['error', err, str(err)]))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
