// covers: options.onread, onread.callback, socket.resume, socket.bytesRead
'use strict';
// An onread callback that returns false stops reading at once: no more
// callbacks (and no 'end') until resume() is called. The peer writes 10 bytes
// once and ends; the buffer holds 4.
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((conn) => {
  conn.end('abcdefghij');
  conn.on('close', () => server.close());
});
server.listen(0, '127.0.0.1', () => {
  let calls = 0;
  const sock = net.connect({
    port: server.address().port,
    host: '127.0.0.1',
    onread: {
      buffer: Buffer.alloc(4),
      callback(nread, buf) {
        calls += 1;
        show('onread', calls, nread, buf.toString('latin1', 0, nread));
        if (calls === 1) {
          setImmediate(function later(turns = 0) {
            // give the loop a few turns to show that nothing else arrives
            if (turns < 5) return setImmediate(later, turns + 1);
            show('still stopped', calls, sock.bytesRead, sock.readableEnded, sock.isPaused());
            show('resume returns socket', sock.resume() === sock);
          });
          return false;
        }
        return undefined;
      },
    },
  });
  sock.on('end', () => show('end', calls, sock.bytesRead));
  sock.on('close', () => show('close'));
});
