import gnet
from compat.trace import show

# Names that no resolver takes: a label over 63 characters, empty labels.
hosts = ['a' * 64 + '.example', 'a..example', '.example']
index = [0]


def next_host():
    if index[0] == len(hosts):
        return
    host = hosts[index[0]]
    index[0] += 1
    socket = gnet.connect(80, host)
    socket.on('lookup', lambda err, address, family, name: show('lookup', err, address, family, name == host))
    socket.on('error', lambda err: show('error', err, getattr(err, 'hostname', None) == host,
                                        str(err) == 'getaddrinfo ENOTFOUND ' + host))

    def on_close(had_error):
        show('close', had_error)
        next_host()
    socket.on('close', on_close)


next_host()
gnet.run()
