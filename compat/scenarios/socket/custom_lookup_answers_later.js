// covers: Socket.connect, options.lookup, 'lookup', 'connect', process.nextTick, setImmediate, setTimeout
const net = require('net');
const { show } = require('../../trace');

// A lookup that answers from a nextTick, an immediate or a timer it queued:
// the answer comes, in its place among the callbacks around it. One case at
// a time, each after the previous one's 'close'.
const server = net.createServer((c) => c.end());
const later = {
  tick: (fn) => process.nextTick(fn),
  immediate: (fn) => setImmediate(fn),
  timer: (fn) => setTimeout(fn, 1),
};
const names = Object.keys(later);

function start(port, index) {
  const name = names[index];
  const socket = new net.Socket();
  socket.on('lookup', (err, address, family) => show(name, 'lookup', err, address, family));
  socket.on('connect', () => { show(name, 'connect'); socket.end(); });
  socket.on('close', () => {
    show(name, 'close');
    if (index + 1 < names.length) start(port, index + 1);
    else server.close();
  });
  socket.connect({
    port, host: name + '.test',
    lookup: (host, opts, cb) => {
      later[name](() => { show(name, 'answering'); cb(null, [{ address: '127.0.0.1', family: 4 }]); });
    },
  });
  process.nextTick(() => show(name, 'tick after connect'));
  show(name, 'connect returned');
}

server.listen(0, '127.0.0.1', () => start(server.address().port, 0));
