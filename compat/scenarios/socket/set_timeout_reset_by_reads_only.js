// covers: Socket.setTimeout, 'timeout', 'data'
const net = require('net');
const { show } = require('../../trace');

// The client only reads: the server writes every 100 ms four times, and the
// client's 300 ms idle timeout fires only after the server went quiet.
const server = net.createServer((s) => {
  let n = 0;
  const iv = setInterval(() => {
    n++;
    s.write(String(n));
    if (n === 4) clearInterval(iv);
  }, 100);
  s.on('end', () => s.end());
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.setTimeout(300));
  c.on('data', (d) => show('data', d.toString()));
  c.on('timeout', () => {
    show('timeout after the server went quiet');
    c.end();
  });
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
