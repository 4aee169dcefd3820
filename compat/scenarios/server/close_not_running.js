// covers: server.close(callback), ERR_SERVER_NOT_RUNNING, 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.on('close', () => show('close event'));
const ret = server.close((err) => {
  show('close callback', err, err instanceof Error);
  show('message', err.message);
});
show('close() returned server', ret === server);
process.on('exit', () => show('exit'));
