// covers: new net.Socket, Socket.end, 'finish', 'close', 'error'
const net = require('net');
const { show } = require('../../trace');

const c = new net.Socket();
c.on('finish', () => show('finish'));
c.on('error', (err) => show('error', err));
c.on('close', (hadError) => show('close', hadError, c.destroyed));
show('end returned same socket', c.end((err) => show('end callback', err)) === c);
show('after end()', c.writableEnded, c.readyState, c.destroyed);
setTimeout(() => {
  show('later', c.writableFinished, c.destroyed);
  c.destroy();
}, 20);
