// covers: Socket.bytesRead, Socket.bytesWritten
const net = require('net');
const { show } = require('../../trace');

// Server-side values are logged and printed after the client's, once both
// sockets closed: the order between the two sides is not fixed.
const serverLog = [];
let closed = 0;
function done() {
  if (++closed < 2) return;
  for (const line of serverLog) show(...line);
  server.close(() => show('server closed'));
}
const server = net.createServer((s) => {
  serverLog.push(['server start', s.bytesRead, s.bytesWritten]);
  s.on('data', (d) => s.write(d));
  s.on('end', () => {
    serverLog.push(['server at end', s.bytesRead, s.bytesWritten]);
    s.end('!!');
  });
  s.on('close', () => {
    serverLog.push(['server at close', s.bytesRead, s.bytesWritten]);
    done();
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    show('client connect', c.bytesRead, c.bytesWritten);
    c.write('hello ');
    show('client after write', c.bytesWritten);
  });
  let got = 0;
  c.on('data', (d) => {
    got += d.length;
    if (got === 6) {
      show('client got echo', c.bytesRead);
      c.end('world');
    }
  });
  c.on('end', () => show('client at end', c.bytesRead, c.bytesWritten));
  c.on('close', () => {
    show('client at close', c.bytesRead, c.bytesWritten);
    done();
  });
});
