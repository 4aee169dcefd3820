// covers: server.maxConnections, 'drop'
const net = require('net');
const { show } = require('../../trace');

let held;
const server = net.createServer((c) => {
  show('connection');
  held = c;
  c.write('hi');
});
server.maxConnections = 1;
server.on('drop', (data) => {
  show('drop keys', Object.keys(data).sort());
  show('drop families', data.localFamily, data.remoteFamily);
  show('drop addresses', data.localAddress, data.remoteAddress);
  show('drop ports', data.localPort === server.address().port, typeof data.remotePort === 'number');
  held.end();
  server.close(() => show('closed'));
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const first = net.connect(port, '127.0.0.1');
  first.once('data', () => {
    const second = net.connect(port, '127.0.0.1');
    second.resume();
  });
  first.resume();
});
