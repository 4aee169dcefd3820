// covers: server.address, server.listening
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
show('address', server.address(), 'listening', server.listening);
process.on('exit', () => show('exit'));
