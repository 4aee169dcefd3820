// covers: socket.cork, socket.uncork, socket.writableCorked, socket.writableLength, socket.end
'use strict';
// cork() nests: writableCorked counts the calls, and writes stay buffered
// (their callbacks wait) until as many uncork() calls have been made. end()
// uncorks fully. uncork() on an uncorked socket does nothing.
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((conn) => {
  const got = [];
  conn.on('data', (d) => got.push(d));
  conn.on('end', () => {
    show('server got', Buffer.concat(got).toString());
    conn.end();
    server.close();
  });
});
server.listen(0, '127.0.0.1', () => {
  const sock = net.connect(server.address().port, '127.0.0.1', () => {
    show('connected', sock.writableCorked);
    sock.uncork();
    show('uncork when not corked', sock.writableCorked);
    sock.cork();
    sock.cork();
    show('corked twice', sock.writableCorked);
    show('write a', sock.write('a', () => show('callback a')), sock.writableLength);
    show('write b', sock.write('bb', () => show('callback b')), sock.writableLength);
    setImmediate(() => {
      show('a turn later', sock.writableLength);
      sock.uncork();
      show('uncorked once', sock.writableCorked, sock.writableLength);
      setImmediate(() => {
        show('another turn', sock.writableLength);
        sock.uncork();
        show('uncorked twice', sock.writableCorked);
        process.nextTick(() => show('tick after uncork', sock.writableLength));
        setImmediate(() => {
          sock.cork();
          sock.write('c', () => show('callback c'));
          show('corked again', sock.writableCorked, sock.writableLength);
          sock.end('d', () => show('end callback'));
          show('after end', sock.writableCorked, sock.writableEnded);
        });
      });
    });
  });
  sock.on('finish', () => show('finish'));
  sock.on('close', () => show('close'));
});
