// covers: Server.listen, Server.close, Server.listening, 'close'
'use strict';
const net = require('net');
const { show } = require('../../trace');

const ac = new AbortController();
const server = net.createServer();
server.on('close', () => show('close', server.listening));
server.listen({ port: 0, signal: ac.signal }, () => {
  show('listening', server.listening);
  ac.abort();
  show('after abort', server.listening);
});
