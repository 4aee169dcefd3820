// covers: server.listen(path), 'error', EACCES
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { show } = require('../../trace');

// The directory does not exist: bind() fails with ENOENT, which libuv's
// uv_pipe_bind reports as EACCES. gnet's errno is the positive POSIX number
// (docs/differences.md), so the trace prints Node's negated.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnet-'));
const sockPath = path.join(dir, 'missing', 'server.sock');
const server = net.createServer();
server.on('error', (err) => {
  show('error', err, -err.errno, err.address === sockPath, err.port);
  show('message', err.message.replace(sockPath, 'PATH'));
  show('listening', server.listening, server.address() === sockPath);
  fs.rmSync(dir, { recursive: true, force: true });
});
server.listen(sockPath, () => show('listening'));
show('listen returned', server.listening);
