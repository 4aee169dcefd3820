// covers: net.connect, 'connect', 'ready', 'data', 'end', 'finish', 'close', Socket.write
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  s.on('data', (d) => s.end(Buffer.concat([Buffer.from('echo:'), d])));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.on('connect', () => {
    show('client connect');
    show('write returned', c.write('hello'));
  });
  c.on('ready', () => show('client ready'));
  c.on('data', (d) => show('client data', d));
  c.on('end', () => show('client end'));
  c.on('finish', () => show('client finish'));
  c.on('close', (hadError) => {
    show('client close', hadError);
    server.close(() => show('server closed'));
  });
});
