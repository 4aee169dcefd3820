// covers: Socket.write, allowHalfOpen, 'end', 'finish', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer({ allowHalfOpen: true }, (s) => {
  const chunks = [];
  s.on('data', (d) => chunks.push(d));
  s.on('end', () => show('server got', Buffer.concat(chunks)));
  s.end();
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.resume();
  c.on('end', () => {
    show('client end', c.writableEnded);
    show('write in end listener returned', c.write('just in time', (err) => show('write callback', err)));
  });
  c.on('error', (err) => show('error', err));
  c.on('finish', () => show('client finish'));
  c.on('close', (hadError) => {
    show('client close', hadError);
    server.close(() => show('server closed'));
  });
});
