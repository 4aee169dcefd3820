// covers: Socket.write, Socket.end, 'finish', 'drain'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    for (let i = 1; i <= 4; i++) c.write('chunk' + i, (err) => show('write callback', i, err));
    c.end('last', (err) => show('end callback', err));
    show('all queued');
  });
  c.on('drain', () => show('drain'));
  c.on('finish', () => show('finish'));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
