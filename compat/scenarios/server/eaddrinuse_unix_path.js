// covers: server.listen(path), 'error', EADDRINUSE
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { show } = require('../../trace');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnet-'));
const sockPath = path.join(dir, 'server.sock');
const first = net.createServer();
first.listen(sockPath, () => {
  const second = net.createServer();
  second.on('error', (err) => {
    show('error', err, err.address === sockPath, err.port);
    show('message', err.message.replace(sockPath, 'PATH'));
    first.close(() => {
      show('first closed');
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });
  second.listen(sockPath);
});
