// covers: server.listen(path), net.connect(path)
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { show } = require('../../trace');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnet-'));
const sockPath = path.join(dir, 'server.sock');
const server = net.createServer((c) => { show('connection'); c.end('hi'); });
server.on('listening', () => {
  show('listening', server.address() === sockPath);
  const c = net.connect(sockPath);
  c.on('data', (d) => show('client data', d));
  c.on('close', () => server.close(() => {
    show('closed');
    fs.rmSync(dir, { recursive: true, force: true });
  }));
});
server.listen(sockPath);
