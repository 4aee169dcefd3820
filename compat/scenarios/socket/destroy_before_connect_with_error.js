// covers: new net.Socket, Socket.destroy, 'error', 'close'
const net = require('net');
const { show } = require('../../trace');

const c = new net.Socket();
c.on('error', (err) => show('error', err, err.message, c.destroyed));
c.on('close', (hadError) => show('close', hadError));
c.destroy(new Error('boom'));
show('destroyed', c.destroyed, c.errored === null);
process.nextTick(() => show('tick after destroy'));
