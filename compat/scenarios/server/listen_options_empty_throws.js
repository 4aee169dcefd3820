// covers: server.listen(options), ERR_INVALID_ARG_VALUE
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.on('listening', () => show('listening'));
server.on('error', (err) => show('error event', err));
try {
  server.listen({});
  show('no throw');
} catch (err) {
  show('threw', err, err instanceof TypeError);
  show('message', err.message);
}
show('listening', server.listening, server.address());
process.on('exit', () => show('exit'));
