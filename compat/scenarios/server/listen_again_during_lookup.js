// covers: server.listen(port, host, callback), 'listening'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
let events = 0;
server.on('listening', () => { events += 1; show('listening event', server.address().family); });
server.listen(0, '127.0.0.1', () => show('first callback'));
try {
  server.listen(0, '::1', () => show('second callback'));
  show('second listen() did not throw');
} catch (err) {
  show('threw', err);
}
setTimeout(() => {
  show('listening events', events, server.address().family);
  server.close(() => show('closed'));
}, 50);
