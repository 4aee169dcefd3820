// covers: server.listen(port, host, callback), server.close, ERR_SERVER_NOT_RUNNING
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.on('listening', () => show('listening event'));
server.on('close', () => show('close event'));
server.listen(0, '127.0.0.1', () => show('listen callback'));
server.close((err) => show('close callback', err, err && err.message));
process.on('exit', () => show('exit', server.listening, server.address()));
