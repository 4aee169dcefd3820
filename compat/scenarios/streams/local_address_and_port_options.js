// covers: options.localAddress, options.localPort, socket.localAddress, socket.localPort, socket.remotePort
'use strict';
// connect() with localAddress binds the client's end to that address, and
// with localPort to that port too (here a port just freed by a throwaway
// server); the server sees the same port as the client's remotePort.
const net = require('net');
const { show } = require('../../trace');

let lastRemotePort;
const server = net.createServer((conn) => {
  lastRemotePort = conn.remotePort;
  conn.resume();
  conn.on('end', () => conn.end());
});

function attempt(label, options, next) {
  let localPort;
  const sock = net.connect({ port: server.address().port, host: '127.0.0.1', ...options }, () => {
    localPort = sock.localPort;
    show(label, 'connect', sock.localAddress, sock.localFamily, typeof localPort,
      options.localPort ? localPort === options.localPort : 'any port');
    sock.end();
  });
  sock.resume();
  sock.on('close', () => {
    show(label, 'server saw the same port', lastRemotePort === localPort);
    next();
  });
}

server.listen(0, '127.0.0.1', () => {
  const scratch = net.createServer();
  scratch.listen(0, '127.0.0.1', () => {
    const freePort = scratch.address().port;
    scratch.close(() => {
      attempt('localAddress', { localAddress: '127.0.0.1' }, () => {
        attempt('localAddress and localPort', { localAddress: '127.0.0.1', localPort: freePort }, () => {
          attempt('localPort 0', { localAddress: '127.0.0.1', localPort: 0 }, () => server.close());
        });
      });
    });
  });
});
