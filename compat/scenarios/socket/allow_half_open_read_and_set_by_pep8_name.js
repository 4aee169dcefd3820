'use strict';
// covers: socket.allowHalfOpen, server.allowHalfOpen, server.pauseOnConnect, server.noDelay, server.keepAlive
// A Node property set on the object (in gnet, through its PEP 8 name) is
// what the other name reads: one attribute, two spellings.
const net = require('net');
const { show } = require('../../trace');

const socket = new net.Socket();
show('socket', socket.allowHalfOpen);
socket.allowHalfOpen = true;
show('socket set', socket.allowHalfOpen);
const server = net.createServer();
show('server', server.allowHalfOpen, server.pauseOnConnect, server.noDelay, server.keepAlive,
     server.keepAliveInitialDelay, server.highWaterMark);
server.allowHalfOpen = 'yes';
server.pauseOnConnect = true;
server.noDelay = true;
server.keepAlive = true;
server.keepAliveInitialDelay = 3;
server.highWaterMark = 1024;
show('server set', server.allowHalfOpen, server.pauseOnConnect, server.noDelay, server.keepAlive,
     server.keepAliveInitialDelay, server.highWaterMark);
