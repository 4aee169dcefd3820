// covers: server.unref, server.listen(port, host)
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.unref();
server.on('listening', () => show('listening', server.address().family));
server.listen(0, '127.0.0.1');
process.on('exit', () => show('exit', server.listening));
