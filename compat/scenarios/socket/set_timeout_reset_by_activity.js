// covers: Socket.setTimeout, 'timeout', Socket.write, 'data'
const net = require('net');
const { show } = require('../../trace');

// A 300 ms idle timeout; the client writes every 100 ms four times, the
// server echoes, so the socket is never idle long enough until it stops.
const server = net.createServer((s) => s.on('data', (d) => s.write(d)));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.setTimeout(300);
    let n = 0;
    const iv = setInterval(() => {
      n++;
      c.write(String(n));
      if (n === 4) clearInterval(iv);
    }, 100);
  });
  c.on('data', (d) => show('echo', d.toString()));
  c.on('timeout', () => {
    show('timeout after the writes stopped');
    c.end();
  });
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
