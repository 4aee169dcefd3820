// covers: socket.destroy, socket.destroyed, 'close', 'error', socket.writableEnded, socket.readableEnded
'use strict';
// destroy() sets destroyed at once and returns the socket; 'close' follows
// later (hadError false), with no 'end' or 'finish'. destroy(err) emits
// 'error' with that error and then 'close' with hadError true. Writes after
// destroy() fail with ERR_STREAM_DESTROYED through the callback.
const net = require('net');
const { show } = require('../../trace');

let accepted = 0;
const server = net.createServer((conn) => {
  accepted += 1;
  if (accepted === 2) conn.on('close', () => server.close());
  conn.resume();
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const a = net.connect(port, '127.0.0.1', () => {
    a.write('pending');
    show('a destroy returns socket', a.destroy() === a);
    show('a after destroy', a.destroyed, a.readableEnded, a.writableEnded, a.writableFinished, a.readyState);
    a.write('late', (err) => show('a late write callback', err, err && err.message));
    process.nextTick(() => show('a tick after destroy'));
  });
  for (const ev of ['end', 'finish', 'error']) a.on(ev, () => show('a', ev));
  a.on('close', (hadError) => {
    show('a close', hadError, a.destroyed);
    const b = net.connect(port, '127.0.0.1', () => {
      const err = new Error('boom');
      err.code = 'EBOOM';
      b.destroy(err);
      show('b after destroy', b.destroyed);
    });
    b.on('error', (e) => show('b error', e, e.message));
    b.on('close', (hadError2) => show('b close', hadError2));
  });
});
