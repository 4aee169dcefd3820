// covers: server.address, server.listen(path)
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { show } = require('../../trace');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnet-'));
const sockPath = path.join(dir, 'server.sock');
const server = net.createServer();
server.listen(sockPath);
const a = server.address();
show('right after listen()', typeof a, a === sockPath);
server.on('listening', () => {
  show('listening', typeof server.address(), server.address() === sockPath);
  server.close(() => {
    show('after close', server.address() === sockPath);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
