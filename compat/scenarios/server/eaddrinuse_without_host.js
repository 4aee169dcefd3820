// covers: server.listen(port), 'error', EADDRINUSE
const net = require('net');
const { show } = require('../../trace');

const first = net.createServer();
first.listen(0, () => {
  const port = first.address().port;
  const second = net.createServer();
  second.on('error', (err) => {
    show('error', err, err.address, err.port === port);
    show('message', err.message.replace(String(port), 'PORT'));
    first.close(() => show('first closed'));
  });
  second.listen(port);
  show('after listen()', second.listening, second.address());
});
