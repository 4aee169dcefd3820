// covers: socket.setEncoding, 'utf8', 'data', 'end'
'use strict';
// setEncoding('utf8'): multi-byte characters split across chunks are held back until complete; an incomplete tail at the end becomes U+FFFD.
// The server sends each piece only after the client has acknowledged the
// previous one, so every piece arrives as a chunk of its own.
const net = require('net');
const { show } = require('../../trace');

const esc = (s) => s.replace(/[^\x20-\x7e]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
const pieces = ['61e282', 'ac62f09f', '988063', '64e2'].map((h) => Buffer.from(h, 'hex'));

const server = net.createServer((conn) => {
  let next = 0;
  const send = () => {
    const piece = pieces[next++];
    if (next === pieces.length) conn.end(piece);
    else conn.write(piece);
  };
  conn.on('data', () => { if (next < pieces.length) send(); });
  conn.on('close', () => server.close());
  send();
});
server.listen(0, '127.0.0.1', () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  show('setEncoding returns socket', sock.setEncoding('utf8') === sock);
  let all = '';
  sock.on('data', (s) => {
    show('data', typeof s, esc(s));
    all += s;
    sock.write('k');
  });
  sock.on('end', () => show('end', esc(all)));
});
