// covers: Socket.setTimeout, 'timeout', Socket.timeout
const net = require('net');
const { show } = require('../../trace');

// 'timeout' only notifies: the socket stays open, and the timer is armed
// again by the next activity (here a write), not by firing.
const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    show('setTimeout returned same socket', c.setTimeout(30) === c);
    show('timeout property', c.timeout);
  });
  let fired = 0;
  c.on('timeout', () => {
    fired++;
    show('timeout', fired, c.destroyed, c.readyState, c.timeout);
    if (fired === 1) {
      c.write('activity');
    } else {
      c.end();
    }
  });
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
