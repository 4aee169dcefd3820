// covers: Socket.pipe, 'data', 'end', 'finish', 'close', process 'uncaughtException'
const net = require('net');
const { show } = require('../../trace');

// An echo by s.pipe(s), and a second 'data' listener that throws on the
// first chunk. With an 'uncaughtException' handler the program goes on: the
// pipe keeps flowing, and the chunk reached the destination if the pipe's
// own listener ran first. RAISES_BEFORE_PIPE: the throwing listener was
// added before pipe(), so that chunk is never echoed.
const RAISES_BEFORE_PIPE = true;
let s = null;
let c = null;
process.on('uncaughtException', (err, origin) => {
  show('uncaught', err.message, origin);
  show('server side flowing', s.readableFlowing, 'paused', s.isPaused(), 'writable', s.writable,
       'destroyed', s.destroyed, 'data listeners', s.listenerCount('data'));
  c.end('b');
});
const server = net.createServer((sock) => {
  s = sock;
  const boom = (d) => {
    if (d.toString() === 'a') throw new Error('boom in a data listener');
  };
  if (RAISES_BEFORE_PIPE) s.on('data', boom);
  s.pipe(s);
  if (!RAISES_BEFORE_PIPE) s.on('data', boom);
  s.on('end', () => show('server end'));
  s.on('finish', () => show('server finish'));
  s.on('close', (hadError) => {
    show('server close', hadError);
    server.close(() => show('server closed'));
  });
});
server.listen(0, '127.0.0.1', () => {
  c = net.connect(server.address().port, '127.0.0.1', () => c.write('a'));
  const got = [];
  c.on('data', (d) => got.push(d));
  c.on('end', () => show('client end', Buffer.concat(got)));
  c.on('close', (hadError) => show('client close', hadError));
});
