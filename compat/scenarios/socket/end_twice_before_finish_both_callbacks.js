// covers: Socket.end, 'finish'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.end((err) => show('first end callback', err));
    c.end((err) => show('second end callback', err));
    c.end();
    show('three end() calls done');
  });
  c.on('error', (err) => show('error', err));
  c.on('finish', () => show('finish event'));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
