// covers: server.listen(port), ERR_SERVER_ALREADY_LISTEN
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
let events = 0;
server.on('listening', () => { events += 1; });
server.listen(0);
try {
  server.listen(0);
  show('no throw');
} catch (err) {
  show('threw', err, err instanceof Error);
  show('message', err.message);
}
setTimeout(() => {
  show('listening events', events, server.listening);
  server.close(() => show('closed'));
}, 20);
