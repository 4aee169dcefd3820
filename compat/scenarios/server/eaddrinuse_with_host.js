// covers: server.listen(port, host), 'error', EADDRINUSE
const net = require('net');
const { show } = require('../../trace');

const first = net.createServer();
first.listen(0, '127.0.0.1', () => {
  const port = first.address().port;
  const second = net.createServer();
  second.on('listening', () => show('second listening'));
  second.on('error', (err) => {
    show('error', err, err.address, err.port === port);
    show('message', err.message.replace(String(port), 'PORT'));
    show('second listening', second.listening, second.address());
    first.close(() => show('first closed'));
  });
  second.listen(port, '127.0.0.1');
});
