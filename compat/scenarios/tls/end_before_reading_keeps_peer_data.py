import gnet
import gnet.tls as tls
from compat.trace import show

KEY = bytes.fromhex('d731ef57be09e5204f0b205b60627028')
SIZE = 200000


def run_case(label, on_server_secure, then):
    lines = {'client': [], 'server': []}
    pending = [2]
    holder = {}

    def done():
        pending[0] -= 1
        if pending[0]:
            return
        holder['server'].close()
        show('case', label)
        for side in ('client', 'server'):
            for parts in lines[side]:
                show(side, *parts)
        then()

    def on_secure(sock):
        got = [0]

        def listen():
            def on_data(d):
                got[0] += len(d)

            def on_end():
                lines['server'].append(('end', got[0]))
                if not sock.writableEnded:
                    sock.end()
            sock.on('data', on_data)
            sock.on('end', on_end)
        sock.on('close', lambda *_: (lines['server'].append(('close', got[0])), done()))
        sock.on('error', lambda err: lines['server'].append(('error', err)))
        on_server_secure(sock, listen)

    server = holder['server'] = tls.createServer({'pskCallback': lambda sock, identity: KEY, 'allowHalfOpen': True},
                                                 on_secure)

    def on_listening():
        got = [0]
        client = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'allowHalfOpen': True,
                              'pskCallback': lambda hint: {'psk': KEY, 'identity': 'alice'}},
                             lambda: (client.write(b'x' * SIZE), client.end()))

        def on_data(d):
            got[0] += len(d)
        client.on('data', on_data)
        client.on('end', lambda: lines['client'].append(('end', got[0])))
        client.on('close', lambda *_: (lines['client'].append(('close',)), done()))
        client.on('error', lambda err: lines['client'].append(('error', err)))
    server.listen(0, '127.0.0.1', on_listening)


def paused_end_resume(sock, listen):
    sock.pause()
    sock.end(b'bye', lambda *_: (listen(), sock.resume()))


cases = [
    ('end in secureConnection', lambda sock, listen: (sock.end(b'bye'), listen())),
    ('paused, end, resume', paused_end_resume),
    ('listen a turn later', lambda sock, listen: gnet.setImmediate(listen)),
]


def next_case():
    if cases:
        label, fn = cases.pop(0)
        run_case(label, fn, next_case)


next_case()
gnet.run()
