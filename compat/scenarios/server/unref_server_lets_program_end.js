// covers: server.unref, server.listen(port)
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.on('listening', () => show('listening', server.listening));
server.listen(0);
show('unref returns server', server.unref() === server);
process.on('exit', () => show('exit', server.listening));
