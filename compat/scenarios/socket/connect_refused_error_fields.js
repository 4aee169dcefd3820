// covers: net.connect, 'error', ECONNREFUSED
const net = require('net');
const { show } = require('../../trace');

const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const port = probe.address().port;
  probe.close(() => {
    const c = net.connect({ port, host: '127.0.0.1' });
    c.on('error', (err) => {
      show('code', err.code);
      show('errno', err.errno);
      show('syscall', err.syscall);
      show('address', err.address);
      show('port matches', err.port === port);
      show('is Error', err instanceof Error);
    });
  });
});
