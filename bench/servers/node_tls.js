// Node's tls: the plainest TLS echo server, the same program as gnet_tls_echo.py.
//   node node_tls.js --port 0 --certs DIR   -> prints "ready port=N"
'use strict';
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const dir = opt('--certs');
const read = (name) => fs.readFileSync(path.join(dir, name));

const server = tls.createServer({ key: read('server-key.pem'), cert: read('server-cert.pem') },
                                (c) => c.on('data', (d) => c.write(d)));
server.listen(Number(opt('--port') || 0), '127.0.0.1',
              () => console.log(`ready port=${server.address().port}`));
