// covers: Socket.bytesWritten, Socket.bytesRead, Socket.write
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  s.resume();
  s.on('end', () => show('server bytesRead', s.bytesRead));
  s.on('close', () => server.close(() => show('server closed')));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.write('h\u00e9llo \u20ac');
    show('after utf8', c.bytesWritten);
    c.write('ffff00', 'hex');
    show('after hex', c.bytesWritten);
    c.write('aGk=', 'base64');
    show('after base64', c.bytesWritten);
    c.write('\u00ff\u00fe', 'latin1');
    show('after latin1', c.bytesWritten);
    c.end('ab', 'utf16le');
    show('after utf16le', c.bytesWritten);
  });
});
