// covers: net.connect, Socket.readyState, Socket.connecting, Socket.pending, Socket.destroyed, 'error', 'close'
const net = require('net');
const { show } = require('../../trace');

function state(label, c) {
  show(label, c.readyState, 'connecting', c.connecting, 'pending', c.pending,
       'destroyed', c.destroyed, 'readable', c.readable, 'writable', c.writable);
}
const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const port = probe.address().port;
  probe.close(() => {
    const c = net.connect(port, '127.0.0.1');
    state('connecting', c);
    c.on('error', (err) => {
      show('error', err);
      state('at error', c);
    });
    c.on('close', (hadError) => {
      show('close', hadError);
      state('at close', c);
    });
  });
});
