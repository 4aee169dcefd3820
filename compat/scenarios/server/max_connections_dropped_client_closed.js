// covers: server.maxConnections, 'drop', socket 'end', socket 'close'
const net = require('net');
const { show } = require('../../trace');

let held;
const server = net.createServer((c) => {
  held = c;
  c.write('hi');
});
server.maxConnections = 1;
server.on('drop', () => show('drop'));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const first = net.connect(port, '127.0.0.1');
  first.once('data', () => {
    const second = net.connect(port, '127.0.0.1');
    second.on('data', (d) => show('dropped client data', d));
    second.on('end', () => show('dropped client end'));
    second.on('error', (err) => show('dropped client error', err));
    second.on('close', (hadError) => {
      show('dropped client close', hadError);
      held.end();
      server.close(() => show('closed'));
    });
  });
  first.resume();
});
