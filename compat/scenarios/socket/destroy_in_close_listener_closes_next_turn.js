// covers: Socket.destroy, 'close', setImmediate
const net = require('net');
const { show } = require('../../trace');
const server = net.createServer((c) => c.on('error', () => {}));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const a = net.connect(port, '127.0.0.1');
  const b = net.connect(port, '127.0.0.1');
  let connected = 0;
  const onConnect = () => {
    connected += 1;
    if (connected < 2) return;
    server.close();
    a.on('close', () => {
      show('a close');
      b.destroy();
      setImmediate(() => show('immediate queued in a close'));
    });
    b.on('close', () => show('b close'));
    a.destroy();
  };
  a.on('connect', onConnect);
  b.on('connect', onConnect);
});
