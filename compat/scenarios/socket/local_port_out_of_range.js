// covers: Socket.connect, options.localPort, 'error', EADDRINUSE, ECONNREFUSED
const net = require('net');
const { show } = require('../../trace');

// libuv binds the port modulo 65536, then Node checks the port bound: a
// different one is EADDRINUSE from bind; -1 is not checked (it binds 65535).
// The server is closed first, so that -1's connect is refused.
const server = net.createServer();
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  server.close(() => {
    const cases = [65536, 70000, 1.5, -1, '80'];
    let index = 0;
    function next() {
      const localPort = cases[index++];
      if (localPort === undefined) return;
      let socket;
      try {
        socket = net.connect({ port, host: '127.0.0.1', localPort });
      } catch (err) {
        show(localPort, 'throws', err, err.message);
        next();
        return;
      }
      socket.on('connect', () => show(localPort, 'connect'));
      socket.on('error', (err) => show(localPort, 'error', err,
        err.message.replace(':' + port, ':PORT'), err.address, err.port === port ? 'PORT' : err.port,
        err.localAddress, err.localPort));
      socket.on('close', (hadError) => { show(localPort, 'close', hadError); next(); });
    }
    next();
  });
});
