import re

import gnet
from compat.trace import show

server = gnet.createServer(lambda c: c.end())


def on_listening():
    port = server.address()['port']
    socket = gnet.Socket()
    show('before', socket.auto_select_family_attempted_addresses)
    socket.connect({
        'port': port,
        'host': 'example.invalid',
        'autoSelectFamily': True,
        'lookup': lambda host, opts, cb: cb(None, [{'address': '127.0.0.1', 'family': 4},
                                                   {'address': '::1', 'family': 6}]),
    })

    def on_connect():
        show('connect', [re.sub(r':\d+$', ':PORT', a) for a in socket.auto_select_family_attempted_addresses])
        socket.destroy()
        server.close(lambda *_: show('closed'))

    socket.on('connect', on_connect)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
