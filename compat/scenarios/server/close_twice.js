// covers: server.close(callback), ERR_SERVER_NOT_RUNNING, 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((c) => {
  show('connection');
  server.close((err) => show('first close callback', err));
  server.close((err) => show('second close callback', err, err && err.message));
  show('both close() calls returned');
  c.end();
});
server.on('close', () => show('close event'));
server.listen(0, '127.0.0.1', () => {
  net.connect(server.address().port, '127.0.0.1').resume();
});
process.on('exit', () => show('exit'));
