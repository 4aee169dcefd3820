// covers: server.listen(path), server.close
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { show } = require('../../trace');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnet-'));
const sockPath = path.join(dir, 'server.sock');
const server = net.createServer();
show('exists before listen', fs.existsSync(sockPath));
server.listen(sockPath, () => {
  show('exists while listening', fs.existsSync(sockPath), fs.statSync(sockPath).isSocket());
  server.close(() => {
    show('exists after close', fs.existsSync(sockPath));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
