// covers: server.listen(handle), options.fd, ERR_INVALID_ARG_VALUE
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
try {
  server.listen({ fd: -1 });
  show('no throw');
} catch (err) {
  show('threw', err, err instanceof TypeError);
  show('message', err.message);
}
show('listening', server.listening);
process.on('exit', () => show('exit'));
