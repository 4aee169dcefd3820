'use strict';
// covers: readable.iterator, for await
// readable.iterator({destroyOnReturn: false}) leaves the socket open after a
// break; a plain for-await then reads the rest and destroys it at the end.
const net = require('net');
const { show } = require('../../trace');

const s = new net.Socket();
for (const v of [5, 'x', { destroyOnReturn: 'no' }, { destroyOnReturn: false }]) {
  try {
    s.iterator(v);
    show('iterator accepts', v);
  } catch (e) {
    show('iterator', e.code, e.message);
  }
}
const server = net.createServer((c) => {
  c.write('a');
  setTimeout(() => c.write('b'), 20);
  setTimeout(() => c.end('c'), 40);
});
server.listen(0, '127.0.0.1', async () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  for await (const chunk of c.iterator({ destroyOnReturn: false })) {
    show('chunk', String(chunk));
    break;
  }
  show('after break destroyed', c.destroyed);
  for await (const chunk of c) show('chunk', String(chunk));
  show('at the end destroyed', c.destroyed);
  server.close();
});
