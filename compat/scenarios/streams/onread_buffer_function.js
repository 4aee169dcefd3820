// covers: options.onread, onread.buffer, onread.callback
'use strict';
// onread.buffer may be a function returning the buffer to read into. The
// callback gets the buffer that function returned. The peer writes 7 bytes
// once and ends; each buffer holds 3.
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((conn) => {
  conn.end('abcdefg');
  conn.on('close', () => server.close());
});
server.listen(0, '127.0.0.1', () => {
  const made = [];
  const sock = net.connect({
    port: server.address().port,
    host: '127.0.0.1',
    onread: {
      buffer() {
        const b = Buffer.alloc(3);
        made.push(b);
        show('buffer() called', made.length);
        return b;
      },
      callback(nread, buf) {
        show('onread', nread, made.indexOf(buf) + 1, buf.toString('latin1', 0, nread));
      },
    },
  });
  show('after connect()', made.length);
  sock.on('connect', () => show('connect', made.length));
  sock.on('end', () => show('end', made.length));
  sock.on('close', () => show('close'));
});
