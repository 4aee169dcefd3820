// covers: socket.read, 'readable', socket.readableLength, socket.setEncoding
'use strict';
// read(0) returns null and takes nothing; read(n) for more than is buffered
// returns null before the end; read() takes everything buffered. With an
// encoding set, read(n) counts characters and returns strings.
const net = require('net');
const { show } = require('../../trace');

const esc = (s) => (typeof s === 'string'
  ? s.replace(/[^\x20-\x7e]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) : s);

let connections = 0;
const server = net.createServer((conn) => {
  connections += 1;
  if (connections === 2) conn.on('close', () => server.close());
  conn.end(Buffer.from('abc\u20acdef', 'utf8'));
});
server.listen(0, '127.0.0.1', () => {
  const plain = net.connect(server.address().port, '127.0.0.1');
  let n = 0;
  plain.on('readable', () => {
    n += 1;
    show('plain readable', n, plain.readableLength);
    if (n === 1) {
      show('read(0)', plain.read(0), plain.readableLength);
      show('read(100)', plain.read(100), plain.readableLength);
      show('read()', plain.read(), plain.readableLength);
    }
    show('read() again', plain.read());
  });
  plain.on('end', () => {
    show('plain end');
    const text = net.connect(server.address().port, '127.0.0.1');
    text.setEncoding('utf8');
    let m = 0;
    text.on('readable', () => {
      m += 1;
      show('text readable', m, text.readableLength);
      if (m === 1) {
        show('read(4)', esc(text.read(4)), text.readableLength);
        show('read(1)', text.read(1), text.readableLength);
      }
      show('read()', text.read());
    });
    text.on('end', () => show('text end'));
  });
});
