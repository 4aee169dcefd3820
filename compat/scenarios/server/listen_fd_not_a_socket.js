// covers: server.listen(handle), options.fd, 'error'
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { show } = require('../../trace');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnet-'));
const file = path.join(dir, 'plain-file');
fs.writeFileSync(file, '');
const fd = fs.openSync(file, 'r');
const server = net.createServer();
server.on('listening', () => show('listening'));
server.on('error', (err) => {
  show('error', err, err.message);
  show('listening', server.listening, server.address());
  fs.closeSync(fd);
  fs.rmSync(dir, { recursive: true, force: true });
});
server.listen({ fd });
show('sync', server.listening);
process.on('exit', () => show('exit'));
