// covers: net.connect, 'error', 'close', ECONNREFUSED, 'connect'
const net = require('net');
const { show } = require('../../trace');

// Find a port with nothing listening: listen, note the port, close.
const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const port = probe.address().port;
  probe.close(() => {
    const c = net.connect(port, '127.0.0.1', () => show('connect callback (unexpected)'));
    c.on('lookup', () => show('lookup (unexpected for an IP)'));
    c.on('connect', () => show('connect (unexpected)'));
    c.on('ready', () => show('ready (unexpected)'));
    c.on('end', () => show('end (unexpected)'));
    c.on('error', (err) => {
      show('error', err);
      show('message', err.message.replace(String(port), 'PORT'));
      show('fields', err.address, err.port === port);
    });
    c.on('close', (hadError) => show('close', hadError));
  });
});
