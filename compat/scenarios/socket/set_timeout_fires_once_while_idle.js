// covers: Socket.setTimeout, 'timeout'
const net = require('net');
const { show } = require('../../trace');

// With no activity after it fires, the idle timer is not armed again:
// one 'timeout' in 200 ms of silence with a 20 ms timeout.
const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  let fired = 0;
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.setTimeout(20);
    setTimeout(() => {
      show('timeouts in 200 ms', fired);
      c.end();
    }, 200);
  });
  c.on('timeout', () => {
    fired++;
    show('timeout', fired);
  });
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
