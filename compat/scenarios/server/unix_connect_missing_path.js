// covers: net.connect(path), 'error', ENOENT
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { show } = require('../../trace');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnet-'));
const sockPath = path.join(dir, 'nobody-listens.sock');
const client = net.connect(sockPath, () => show('connected'));
client.on('error', (err) => {
  show('error', err, err.address === sockPath, err.port);
  show('message', err.message.replace(sockPath, 'PATH'));
});
client.on('close', (hadError) => {
  show('close', hadError);
  fs.rmSync(dir, { recursive: true, force: true });
});
