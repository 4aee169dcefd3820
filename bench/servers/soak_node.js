// The soak's Node server (bench/soak.py), the same program as soak_gnet.py.
//   node soak_node.js --port 0 [--pipe] [--stats]   -> prints "ready port=N"
//   --stats: SIGUSR2 prints "stats handles=N" (active libuv handles)
'use strict';
const net = require('net');

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const pipe = argv.includes('--pipe');
if (argv.includes('--stats')) {
  process.on('SIGUSR2', () => console.log(`stats handles=${process._getActiveHandles().length}`));
}

const server = net.createServer((c) => {
  c.on('error', () => {});
  if (pipe) c.pipe(c);
  else c.on('data', (d) => c.write(d));
});
server.listen(Number(opt('--port') || 0), '127.0.0.1',
              () => console.log(`ready port=${server.address().port}`));
