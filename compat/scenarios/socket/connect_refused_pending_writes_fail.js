// covers: net.connect, Socket.write, ECONNREFUSED, 'error', 'close'
const net = require('net');
const { show } = require('../../trace');

const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const port = probe.address().port;
  probe.close(() => {
    const c = net.connect(port, '127.0.0.1');
    show('write returned', c.write('queued', (err) => show('write callback', err)));
    c.on('error', (err) => show('error', err));
    c.on('close', (hadError) => show('close', hadError));
  });
});
