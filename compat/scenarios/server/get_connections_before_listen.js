// covers: server.getConnections(callback)
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
const ret = server.getConnections((err, n) => show('callback', err, n));
show('returned server', ret === server);
