// covers: Socket.destroy, 'close'
const net = require('net');
const { show } = require('../../trace');

// A proxy: each client connection is piped to an upstream; when the client
// ends, the proxy destroys both sides in one tick.
const upstream = net.createServer((c) => {
  c.on('error', () => {});
  c.pipe(c);
});
const proxy = net.createServer((client) => {
  const up = net.connect(upstream.address().port, '127.0.0.1');
  client.pipe(up);
  up.pipe(client);
  client.on('close', () => show('client side close'));
  up.on('close', () => show('upstream side close'));
  client.on('end', () => {
    show('client ended');
    client.destroy();
    up.destroy();
  });
});
upstream.listen(0, '127.0.0.1', () => {
  proxy.listen(0, '127.0.0.1', () => {
    const user = net.connect(proxy.address().port, '127.0.0.1', () => {
      user.write('ping');
    });
    user.on('data', (d) => {
      show('user data', d);
      user.end();
    });
    user.on('close', () => {
      show('user close');
      upstream.close();
      proxy.close();
    });
  });
});
