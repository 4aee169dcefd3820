// covers: new Socket({fd}), readable, writable, 'data', 'end', 'finish', 'close'
const cp = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { show } = require('../../trace');

// Node opens a pipe or FIFO descriptor as a Pipe handle: reads and writes go
// through read() and write(), and it has no addresses. The write end is a
// socket first; once it has closed, the read end becomes one and reads what
// was written, then EOF.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnet-'));
const fifo = path.join(dir, 'fifo');
cp.execFileSync('mkfifo', [fifo]);
const rfd = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
const wfd = fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);

function trace(name, s) {
  for (const ev of ['connect', 'ready', 'end', 'finish', 'close']) s.on(ev, (...a) => show(name, ev, ...a));
  s.on('error', (e) => show(name, 'error', e));
}

const w = new net.Socket({ fd: wfd, readable: false, writable: true });
show('w state', w.readyState, w.pending, w.connecting, w.readable, w.writable);
show('w addresses', w.remoteAddress, w.localAddress, w.address());
trace('w', w);
w.write('hello', () => show('w write cb'));
w.end(' world');
w.on('close', () => {
  const r = new net.Socket({ fd: rfd, readable: true, writable: false });
  show('r state', r.readyState, r.pending, r.connecting, r.readable, r.writable);
  trace('r', r);
  r.on('data', (d) => show('r data', d));
  r.on('close', () => fs.rmSync(dir, { recursive: true, force: true }));
});
