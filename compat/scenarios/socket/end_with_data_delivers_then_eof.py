import gnet
from compat.trace import show

state = {'round': 0}
payloads = [['bye'], [b'buf'], ['6869', 'hex']]


def on_connection(s):
    chunks = []
    s.on('data', chunks.append)
    s.on('end', lambda: show('server got', b''.join(chunks), 'then end'))
    s.on('close', lambda: next_round())


server = gnet.createServer(on_connection)


def next_round():
    if state['round'] == len(payloads):
        server.close(lambda: show('server closed'))
        return
    args = payloads[state['round']]
    state['round'] += 1
    c = gnet.connect(server.address()['port'], '127.0.0.1',
                     lambda: show('end() returned same socket', c.end(*args) is c))


server.listen(0, '127.0.0.1', next_round)
gnet.run()
