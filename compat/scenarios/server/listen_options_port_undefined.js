// covers: server.listen(options), options.port
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.on('listening', () => {
  show('listening', server.address().family);
  server.close(() => show('closed'));
});
server.listen({ port: undefined });
const a = server.address();
show('sync', server.listening, typeof a.port === 'number', a.port > 0);
