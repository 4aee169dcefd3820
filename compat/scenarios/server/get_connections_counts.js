// covers: server.getConnections(callback)
const net = require('net');
const { show } = require('../../trace');

const accepted = [];
let closedOnServer = 0;
const server = net.createServer((c) => {
  accepted.push(c);
  c.on('close', () => {
    closedOnServer += 1;
    if (closedOnServer === 2) {
      server.getConnections((err, n) => {
        show('after both closed', err, n);
        server.close(() => show('closed'));
      });
    }
  });
  if (accepted.length === 2) {
    server.getConnections((err, n) => {
      show('while two are open', err, n);
      accepted.forEach((s) => s.end());
    });
    show('getConnections returned');
  }
});
server.listen(0, '127.0.0.1', () => {
  for (let i = 0; i < 2; i++) net.connect(server.address().port, '127.0.0.1').resume();
});
