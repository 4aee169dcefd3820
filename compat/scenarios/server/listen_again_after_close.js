// covers: server.close, server.listen(port, host, callback), 'listening', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((c) => { show('connection'); c.end('hi'); });
let round = 0;
server.on('listening', () => { round += 1; show('listening', round, server.address().family); });
server.on('close', () => show('close event', server.listening, server.address()));
server.listen(0, '127.0.0.1', () => {
  server.close(() => {
    server.listen(0, '127.0.0.1', () => {
      const c = net.connect(server.address().port, '127.0.0.1');
      c.on('data', (d) => show('client data', d));
      c.on('close', () => server.close(() => show('closed again')));
    });
  });
});
