// covers: Socket.write, 'drain', Socket.writableNeedDrain, Socket.writableLength, Socket.writableHighWaterMark
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  let total = 0;
  s.on('data', (d) => { total += d.length; });
  s.on('end', () => {
    show('server received bytes', total);
    server.close(() => show('server closed'));
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  show('highWaterMark', c.writableHighWaterMark);
  show('small write', c.write('a'));
  show('needDrain', c.writableNeedDrain, 'length', c.writableLength);
  show('write reaching hwm', c.write(Buffer.alloc(16383, 1)));
  show('needDrain', c.writableNeedDrain, 'length', c.writableLength);
  show('write past hwm', c.write('b'));
  c.on('connect', () => show('connect'));
  c.on('drain', () => {
    show('drain', c.writableNeedDrain, c.writableLength);
    c.end();
  });
});
