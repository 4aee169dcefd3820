'use strict';
// A Node client for tests/test_gunicorn.py: opens N connections at once to a
// server that greets each with its worker's pid and a newline, then echoes.
// Each connection sends one line, checks the echo, and ends. Prints one JSON
// line: {"connections": N, "echoed": k, "pids": {pid: count}, "errors": [...]}.
//   node many.js PORT N
const net = require('net');

const port = Number(process.argv[2]);
const n = Number(process.argv[3]);
const pids = {};
const errors = [];
let echoed = 0;
let done = 0;

function finish() {
  if (++done === n) console.log(JSON.stringify({ connections: n, echoed, pids, errors }));
}

for (let i = 0; i < n; i++) {
  const line = `node ${i} ${'x'.repeat(i % 50)}\n`;
  const c = net.connect(port, '127.0.0.1');
  let got = '';
  let pid = null;
  c.setEncoding('utf8');
  c.on('data', (data) => {
    got += data;
    if (pid === null && got.includes('\n')) {
      const [first, rest] = got.split(/\n(.*)/s);
      pid = first;
      pids[pid] = (pids[pid] || 0) + 1;
      got = rest || '';
      c.write(line);
    }
    if (pid !== null && got === line) {
      echoed++;
      c.end();
    }
  });
  c.on('error', (err) => errors.push(err.code));
  c.on('close', finish);
}
