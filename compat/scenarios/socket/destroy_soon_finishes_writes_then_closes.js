// covers: Socket.destroySoon, 'finish', 'close', Socket.write
const net = require('net');
const { show } = require('../../trace');

// The server's view is printed after the client closed: the order between
// the two sides is not fixed.
let serverGot;
let closed = 0;
function done() {
  if (++closed < 2) return;
  show('server got', serverGot, 'then end');
  server.close(() => show('server closed'));
}
const server = net.createServer((s) => {
  const chunks = [];
  s.on('data', (d) => chunks.push(d));
  s.on('end', () => { serverGot = Buffer.concat(chunks); });
  s.on('close', done);
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.write('pending data', () => show('write callback'));
    c.destroySoon();
    show('after destroySoon', c.destroyed, c.writableEnded);
  });
  c.on('finish', () => show('finish', c.destroyed));
  c.on('close', (hadError) => {
    show('client close', hadError);
    done();
  });
});
