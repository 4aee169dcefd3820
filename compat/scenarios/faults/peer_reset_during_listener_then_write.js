// covers: Socket.write, Socket.resetAndDestroy, 'error', 'close', ECONNRESET
const net = require('net');
const { show } = require('../../trace');

// While the server's 'data' listener runs, its peer resets (in gnet the
// listener could as well block while that happens). The listener's next
// write of a Buffer reports what the kernel says first: ECONNRESET, not EPIPE.
let client = null;
const server = net.createServer((s) => {
  s.on('data', (d) => {
    show('server data', d);
    client.resetAndDestroy();
    show('write returned', s.write(Buffer.from('late')), 'destroyed', s.destroyed);
  });
  s.on('error', (err) => show('server error', err, err.message));
  s.on('close', (hadError) => {
    show('server close', hadError);
    server.close(() => show('server closed'));
  });
});
server.listen(0, '127.0.0.1', () => {
  client = net.connect(server.address().port, '127.0.0.1', () => client.write('go'));
  client.on('close', (hadError) => show('client close', hadError));
});
