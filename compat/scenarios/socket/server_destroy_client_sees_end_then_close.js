// covers: Socket.destroy, 'end', 'finish', 'close'
const net = require('net');
const { show } = require('../../trace');

let serverClose = 'not yet';
const server = net.createServer((s) => {
  s.on('data', (d) => {
    show('server data', d);
    s.destroy();
  });
  s.on('close', (hadError) => { serverClose = hadError; });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.write('hi'));
  c.on('end', () => show('client end'));
  c.on('finish', () => show('client finish'));
  c.on('error', (err) => show('client error', err));
  c.on('close', (hadError) => {
    show('client close', hadError);
    show('server socket closed before', serverClose);
    server.close(() => show('server closed'));
  });
});
