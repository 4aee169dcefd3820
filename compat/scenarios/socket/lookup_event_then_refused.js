// covers: net.connect, 'lookup', 'error', 'close', ECONNREFUSED
const net = require('net');
const { show } = require('../../trace');

const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const port = probe.address().port;
  probe.close(() => {
    const c = net.connect({ port, host: 'localhost', family: 4 });
    c.on('lookup', (err, address, family, host) => show('lookup', err, address, family, host));
    c.on('error', (err) => show('error', err, err.address));
    c.on('close', (hadError) => show('close', hadError));
  });
});
