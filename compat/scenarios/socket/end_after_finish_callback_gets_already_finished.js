// covers: Socket.end, 'finish', ERR_STREAM_ALREADY_FINISHED
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer({ allowHalfOpen: true }, (s) => {
  s.on('end', () => setTimeout(() => s.end(), 20));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.end());
  c.on('error', (err) => show('error', err));
  c.on('finish', () => {
    show('finish event');
    c.end((err) => {
      show('late end callback', err);
      show(err.message);
      show('destroyed', c.destroyed);
    });
    show('late end() returned');
  });
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
