// covers: server.listen(port, host), 'error', 'listening'
const net = require('net');
const { show } = require('../../trace');

const first = net.createServer();
first.listen(0, '127.0.0.1', () => {
  const second = net.createServer((c) => { show('second connection'); c.end('hi'); });
  second.once('error', (err) => {
    show('error', err);
    second.listen(0, '127.0.0.1', () => {
      show('second listening', second.address().family, second.address().port !== first.address().port);
      const c = net.connect(second.address().port, '127.0.0.1');
      c.on('data', (d) => show('client data', d));
      c.on('close', () => {
        second.close(() => {
          show('second closed');
          first.close(() => show('first closed'));
        });
      });
    });
  });
  second.listen(first.address().port, '127.0.0.1');
});
