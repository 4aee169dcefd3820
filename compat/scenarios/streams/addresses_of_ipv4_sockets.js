// covers: socket.localAddress, socket.localPort, socket.localFamily, socket.remoteAddress, socket.remotePort, socket.remoteFamily, socket.address, server.address
'use strict';
// Address properties on both ends of a 127.0.0.1 connection, before it
// connects, while connecting, and after it has closed. Ports vary, so they are
// printed as types and cross-checked against the other end.
const net = require('net');
const { show } = require('../../trace');

function describe(label, s) {
  show(label, 'local', s.localAddress, typeof s.localPort, s.localFamily);
  show(label, 'remote', s.remoteAddress, typeof s.remotePort, s.remoteFamily);
  const a = s.address();
  show(label, 'address()', Object.keys(a).sort(), a.address, a.family, typeof a.port);
}

let serverSide;
const server = net.createServer((conn) => {
  serverSide = conn;
  conn.resume();
  conn.on('end', () => conn.end());
});
server.listen(0, '127.0.0.1', () => {
  const sa = server.address();
  show('server address()', Object.keys(sa).sort(), sa.address, sa.family, typeof sa.port);
  const sock = new net.Socket();
  describe('new', sock);
  sock.connect(sa.port, '127.0.0.1');
  describe('connecting', sock);
  sock.on('connect', () => {
    describe('client', sock);
    show('client remotePort is the server port', sock.remotePort === sa.port);
    show('client address() port is localPort', sock.address().port === sock.localPort);
    setImmediate(function wait() {
      if (!serverSide) return setImmediate(wait);
      describe('server side', serverSide);
      show('server side sees client port', serverSide.remotePort === sock.localPort,
        serverSide.localPort === sa.port);
      sock.end();
    });
  });
  sock.on('close', () => {
    describe('closed', sock);
    server.close();
  });
});
