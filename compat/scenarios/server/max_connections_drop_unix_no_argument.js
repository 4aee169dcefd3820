// covers: server.maxConnections, 'drop'
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { show } = require('../../trace');

// A pipe handle has no addresses: Node emits 'drop' with no argument.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnet-'));
const sockPath = path.join(dir, 'drop.sock');
let held;
const server = net.createServer((c) => {
  show('connection');
  held = c;
  c.write('hi');
});
server.maxConnections = 1;
server.on('drop', (...args) => {
  show('drop args', args.length);
  held.end();
  server.close(() => {
    show('closed');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
server.listen(sockPath, () => {
  const first = net.connect(sockPath);
  first.once('data', () => {
    const second = net.connect(sockPath);
    second.on('error', () => {});
    second.resume();
  });
  first.resume();
});
