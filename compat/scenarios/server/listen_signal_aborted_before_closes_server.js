// covers: Server.listen, Server.close, Server.listening, 'close', 'listening'
'use strict';
const net = require('net');
const { show } = require('../../trace');

// Aborted before listen(): close() runs on the next tick, after the bind
// (port only) or before the lookup ends (with a host); no 'listening'.
for (const host of [undefined, '127.0.0.1']) {
  const server = net.createServer();
  server.on('listening', () => show(host, 'listening'));
  server.on('close', () => show(host, 'close', server.listening));
  server.on('error', (err) => show(host, 'error', err));
  server.listen({ port: 0, host, signal: AbortSignal.abort() }, () => show(host, 'callback'));
  show(host, 'sync', server.listening);
  process.nextTick(() => show(host, 'tick', server.listening));
}
