// covers: server.listen(path), net.connect(path), socket.write, socket.end
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { show } = require('../../trace');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnet-'));
const sockPath = path.join(dir, 'echo.sock');
const server = net.createServer((c) => {
  c.on('data', (d) => {
    show('server data', d);
    c.write('pong:');
    c.write(d);
  });
  c.on('end', () => {
    show('server end');
    c.end();
  });
});
server.listen(sockPath, () => {
  const client = net.connect(sockPath, () => client.write('ping'));
  const got = [];
  client.on('data', (d) => {
    got.push(d);
    if (Buffer.concat(got).length === 9) {
      show('client data', Buffer.concat(got).toString());
      client.end();
    }
  });
  client.on('end', () => show('client end'));
  client.on('close', () => server.close(() => {
    show('closed');
    fs.rmSync(dir, { recursive: true, force: true });
  }));
});
