// covers: write, end
'use strict';
// socket.write(data, encoding) on a connected socket: null data fails first,
// then the encoding is checked (even for a Buffer; a falsy one is utf8), then
// the data's type; strings go out in their encoding, Buffers and typed arrays
// as they are. The server prints every byte it got.
const net = require('net');
const { show } = require('../../trace');

const cases = [
  ['x', 'bogus'], ['x', 5], ['x', true], ['x', []], ['x', null], ['x', 0], ['x', ''], ['x', false],
  ['x', NaN], ['x', 'UTF-8'], ['\u00e9\u0141\ud83d', 'ascii'], ['\u00e9\u0141\ud83d', 'latin1'],
  ['\u00e9\u0141\ud83d', 'BINARY'], ['a\ud800b\ud83d\ude00', 'utf8'], ['a\ud800\ud83d\ude00', 'ucs2'],
  ['QUJ DRA', 'BASE64'], ['-_8', 'base64url'], ['abz', 'hex'], [5, 'utf8'], [5, 'bogus'], [{}, null],
  [Buffer.from('b'), 'bogus'], [Buffer.from('c'), 'hex'], [Buffer.from('d'), 'buffer'],
  [new Uint8Array([0x65, 0x66]), null], [new Uint16Array([0x6867]), 'latin1'], [null, 'utf8'],
  [null, 'bogus'],
];
const server = net.createServer((conn) => {
  const got = [];
  conn.on('data', (d) => got.push(d));
  conn.on('end', () => {
    show('received', Buffer.concat(got));
    conn.end();
    server.close();
  });
});
server.listen(0, '127.0.0.1', () => {
  const sock = net.connect(server.address().port, '127.0.0.1', () => {
    cases.forEach(([data, encoding], i) => {
      try {
        sock.write(data, encoding);
        show(i, 'ok');
      } catch (err) {
        show(i, err, err.message);
      }
    });
    sock.end();
  });
});
