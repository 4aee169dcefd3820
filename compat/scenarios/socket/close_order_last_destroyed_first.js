// covers: Socket.destroy, 'close'
const net = require('net');
const { show } = require('../../trace');
const server = net.createServer((c) => c.on('error', () => {}));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const socks = ['a', 'b', 'c'].map((name) => {
    const s = net.connect(port, '127.0.0.1');
    s.on('close', () => show(name, 'close'));
    return s;
  });
  let connected = 0;
  for (const s of socks) s.on('connect', () => {
    connected += 1;
    if (connected < socks.length) return;
    server.close(() => show('server closed'));
    for (const t of socks) t.destroy();
    show('destroyed all');
  });
});
