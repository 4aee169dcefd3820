// covers: Socket.end, 'data', 'end'
const net = require('net');
const { show } = require('../../trace');

let round = 0;
const payloads = [['bye'], [Buffer.from('buf')], ['6869', 'hex']];
const server = net.createServer((s) => {
  const chunks = [];
  s.on('data', (d) => chunks.push(d));
  s.on('end', () => show('server got', Buffer.concat(chunks), 'then end'));
  s.on('close', () => next());
});
function next() {
  if (round === payloads.length) {
    server.close(() => show('server closed'));
    return;
  }
  const args = payloads[round++];
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    show('end() returned same socket', c.end(...args) === c);
  });
}
server.listen(0, '127.0.0.1', next);
