// covers: new net.Socket, Socket.write, Socket.destroy, ERR_STREAM_DESTROYED
const net = require('net');
const { show } = require('../../trace');

const c = new net.Socket();
c.on('error', (err) => show('error (unexpected)', err));
c.on('close', (hadError) => show('close', hadError));
c.destroy();
show('write returned', c.write('x', (err) => show('write callback 1', err)));
show('write returned', c.write(Buffer.from('y'), (err) => show('write callback 2', err)));
show('write without callback returned', c.write('z'));
