// covers: new net.Socket, Socket.resetAndDestroy, ERR_SOCKET_CLOSED, 'error', 'close'
const net = require('net');
const { show } = require('../../trace');

const c = new net.Socket();
c.on('error', (err) => show('error', err, err.message));
c.on('close', (hadError) => show('close', hadError));
show('returned same socket', c.resetAndDestroy() === c);
show('destroyed', c.destroyed);
