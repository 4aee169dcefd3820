// covers: net.createServer(options), options.pauseOnConnect, socket.resume
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer({ pauseOnConnect: true }, (c) => {
  show('connection', c.readableFlowing);
  c.on('data', (d) => {
    show('server data', d);
    c.end('bye');
  });
  setTimeout(() => {
    show('resume');
    c.resume();
  }, 50);
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1', () => client.write('ping'));
  client.on('data', (d) => show('client data', d));
  client.on('close', () => server.close(() => show('closed')));
});
