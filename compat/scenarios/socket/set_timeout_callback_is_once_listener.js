// covers: Socket.setTimeout, 'timeout'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  let fired = 0;
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.on('timeout', () => {
      fired++;
      show('timeout listener', fired, c.listenerCount('timeout'));
      if (fired === 1) c.write('activity re-arms the timer');
      else c.destroy();
    });
    c.setTimeout(20, () => show('setTimeout callback'));
    show('timeout listeners', c.listenerCount('timeout'));
  });
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
