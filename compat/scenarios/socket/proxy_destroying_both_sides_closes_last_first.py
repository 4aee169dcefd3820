import gnet
from compat.trace import show


# A proxy: each client connection is piped to an upstream; when the client
# ends, the proxy destroys both sides in one tick.
def on_upstream_connection(c):
    c.on('error', lambda err: None)
    c.pipe(c)


upstream = gnet.createServer(on_upstream_connection)


def on_proxy_connection(client):
    up = gnet.connect(upstream.address()['port'], '127.0.0.1')
    client.pipe(up)
    up.pipe(client)
    client.on('close', lambda: show('client side close'))
    up.on('close', lambda: show('upstream side close'))

    def on_end():
        show('client ended')
        client.destroy()
        up.destroy()

    client.on('end', on_end)


proxy = gnet.createServer(on_proxy_connection)


def on_proxy_listening():
    user = gnet.connect(proxy.address()['port'], '127.0.0.1', lambda: user.write('ping'))

    def on_data(d):
        show('user data', d)
        user.end()

    def on_close():
        show('user close')
        upstream.close()
        proxy.close()

    user.on('data', on_data)
    user.on('close', on_close)


upstream.listen(0, '127.0.0.1', lambda: proxy.listen(0, '127.0.0.1', on_proxy_listening))
gnet.run()
