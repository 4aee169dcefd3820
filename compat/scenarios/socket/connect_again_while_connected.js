'use strict';
// covers: socket.connect, socket.connecting, socket.readyState, 'connect'
// connect() again on a connected socket (open, then half-closed): it is
// 'opening' until 'connect' comes again for the same connection, and a write
// made meanwhile waits for it.
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  s.on('error', () => {});
  s.setEncoding('utf8');
  s.on('data', (d) => show('server got', d));
  s.on('end', () => { show('server end'); s.end('bye'); });
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  c.on('error', (e) => show('error', e.code));
  c.on('close', (hadError) => { show('close', hadError); server.close(); });
  c.once('connect', () => {
    show('connect', c.connecting, c.readyState);
    show('again returns the socket', c.connect(port, '127.0.0.1') === c, c.connecting, c.readyState);
    c.write('hi');
    c.once('connect', () => {
      show('connect again', c.connecting, c.readyState);
      c.end();
    });
  });
  c.setEncoding('utf8');
  c.on('data', (d) => show('client got', d));
  c.on('end', () => {
    show('end', c.readyState);
  });
});
