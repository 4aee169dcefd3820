// covers: Socket.write, Socket.end, Socket.writableLength, Socket.bytesWritten, TypedArray
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  const got = [];
  s.on('data', (d) => got.push(d));
  s.on('end', () => show('server got', Buffer.concat(got)));
  s.on('close', () => server.close(() => show('server closed')));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.cork();
    c.write(new Uint16Array([1, 0x0203]));
    show('after Uint16Array', c.writableLength);
    c.write(new Float64Array([1.5]), 'hex');
    show('after Float64Array', c.writableLength);
    c.uncork();
    c.end(new Int8Array([-1, 2]), () => show('finished', c.bytesWritten));
  });
});
