// Node's net: the plainest echo server, the same program as gnet_echo.py.
//   node node_net.js --port 0 | --path /tmp/x.sock [--pipe]   -> prints "ready port=N"
'use strict';
const net = require('net');

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const path = opt('--path');

const server = argv.includes('--pipe')
  ? net.createServer((c) => c.pipe(c))
  : net.createServer((c) => c.on('data', (d) => c.write(d)));
if (path) {
  server.listen(path, () => console.log(`ready path=${path}`));
} else {
  server.listen(Number(opt('--port')), '127.0.0.1',
                () => console.log(`ready port=${server.address().port}`));
}
