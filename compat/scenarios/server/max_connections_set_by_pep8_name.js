// covers: server.maxConnections
// The limit set through the property (in gnet, its PEP 8 name) is the one
// the server enforces, and reads back under the other name.
const net = require('net');
const { show } = require('../../trace');

let held;
const server = net.createServer((c) => {
  show('connection');
  held = c;
  c.write('hi');
});
show('before', server.maxConnections);
server.maxConnections = 1;
show('after', server.maxConnections);
server.on('drop', (data) => {
  show('drop', server.maxConnections);
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
