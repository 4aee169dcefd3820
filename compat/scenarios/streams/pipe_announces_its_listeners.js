// covers: socket.pipe, 'newListener', 'removeListener', socket.rawListeners, socket.listeners, socket.readableFlowing
'use strict';
// Sockets piped to themselves, as an echo server pipes them, whose events
// already have a listener each. pipe() adds its own after those ('error'
// before), once listeners in their wrappers, and starts the flow;
// rawListeners() shows the wrappers, listeners() what they wrap. With
// 'newListener' and 'removeListener' listeners from the start (the first
// connection), pipe() announces each listener it adds, in its order (a once
// listener as itself); with a 'removeListener' listener added after pipe()
// (the second), only the removals are announced (a once wrapper removing
// itself as the wrapper). Once the socket has ended and finished, only the
// others are left. (A listener of its own on each event: Node does not
// announce the removal of a stream's only listener of an event.)
const net = require('net');
const { show } = require('../../trace');

const EVENTS = ['end', 'unpipe', 'data', 'error', 'close', 'finish'];
const PIPE = ['onend', 'onunpipe', 'ondata', 'onerror', 'onclose', 'onfinish', 'bound onceWrapper'];
const names = (fns) => fns.map((f) => f.name).filter((n) => n === 'own' || PIPE.includes(n));
let connections = 0;

const server = net.createServer((c) => {
  const first = ++connections === 1;
  const tell = (what) => (ev, fn) => { if (PIPE.includes(fn.name)) show(what, ev, fn.name); };
  for (const ev of EVENTS) c.on(ev, function own() {});
  if (first) {
    c.on('newListener', tell('newListener'));
    c.on('removeListener', tell('removeListener'));
  }
  c.on('pipe', (src) => show('pipe', src === c, c.listenerCount('finish')));
  c.on('unpipe', (src) => show('unpipe', src === c, c.listenerCount('unpipe')));
  show('pipe returns c', c.pipe(c) === c, c.readableFlowing);
  for (const ev of EVENTS) show('raw', ev, names(c.rawListeners(ev)));
  for (const ev of EVENTS) show('listeners', ev, names(c.listeners(ev)));
  if (!first) c.on('removeListener', tell('removeListener'));
  c.on('close', () => {
    for (const ev of EVENTS) show('left', ev, names(c.rawListeners(ev)));
    if (first) echo(); else server.close();
  });
});

function echo() {
  const client = net.connect(server.address().port, '127.0.0.1', () => client.end('echo me'));
  client.resume();
}

server.listen(0, '127.0.0.1', echo);
