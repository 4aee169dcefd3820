// Node's cluster module over the plainest echo server: N workers share one
// listening port, as gunicorn's workers do for gnet.
//   node node_cluster.js --workers N --port P   -> prints "ready port=P" once every worker listens
'use strict';
const cluster = require('cluster');
const net = require('net');

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const workers = Number(opt('--workers') || 1);
const port = Number(opt('--port'));

if (cluster.isPrimary) {
  let listening = 0;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('listening', () => {
    if (++listening === workers) console.log(`ready port=${port}`);
  });
  process.on('SIGTERM', () => {
    for (const id in cluster.workers) cluster.workers[id].kill();
    process.exit(0);
  });
} else {
  net.createServer((c) => c.on('data', (d) => c.write(d))).listen(port, '127.0.0.1');
}
