// covers: server.listen(handle)
const net = require('net');
const { show } = require('../../trace');

const a = net.createServer(() => show('a connection'));
a.listen(0, '127.0.0.1', () => {
  const port = a.address().port;
  const b = net.createServer((c) => { show('b connection'); c.end('hi'); });
  b.listen(a, () => {
    show('b listening', b.listening, b.address().port === port, b.address().family);
    const c = net.connect(port, '127.0.0.1');
    c.on('data', (d) => show('client data', d));
    c.on('close', () => b.close(() => show('b closed')));
  });
});
process.on('exit', () => show('exit'));
