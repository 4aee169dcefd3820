// covers: new net.Socket, Socket.destroy, 'close', Socket.destroyed
const net = require('net');
const { show } = require('../../trace');

const c = new net.Socket();
c.on('error', (err) => show('error', err));
c.on('end', () => show('end'));
c.on('finish', () => show('finish'));
c.on('close', (hadError) => show('close', hadError, c.destroyed, c.readyState));
show('destroy returned same socket', c.destroy() === c);
show('destroyed', c.destroyed, c.readable, c.writable);
setImmediate(() => show('immediate after destroy'));
process.nextTick(() => show('tick after destroy'));
