// covers: server.listen(port), ERR_SOCKET_BAD_PORT
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
try {
  server.listen(65536);
  show('no throw');
} catch (err) {
  show('threw', err, err instanceof RangeError);
  show('message', err.message);
}
show('listening', server.listening);
process.on('exit', () => show('exit'));
