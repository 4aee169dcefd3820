// covers: Socket.timeout, Socket.setTimeout
const net = require('net');
const { show } = require('../../trace');

const c = new net.Socket();
show('new socket', c.timeout);
c.setTimeout(100);
show('after setTimeout(100)', c.timeout);
c.setTimeout(2.5);
show('after setTimeout(2.5)', c.timeout);
c.setTimeout(0);
show('after setTimeout(0)', c.timeout);
c.setTimeout(50);
c.destroy();
show('after destroy', c.timeout);
c.setTimeout(70);
show('setTimeout on destroyed socket', c.timeout);
const d = new net.Socket({ timeout: 250 });
show('constructor timeout option', d.timeout);
d.destroy();
