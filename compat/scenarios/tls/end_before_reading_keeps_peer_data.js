// covers: end (TLSSocket), pause, resume, pskCallback
// A TLS 1.3 PSK client writes 200000 bytes and ends as soon as it is
// secure, so its data (and, for the last case, its close_notify and FIN)
// comes with its Finished. The server's end() sends close_notify and FIN at
// once and reads nothing: the client's data is still delivered after it,
// then 'end': from a server that ends in 'secureConnection' before it
// listens for 'data', from one that pauses, ends (its 'finish') and
// resumes, and from one that listens only a turn later and ends at 'end'.
// Each side's lines are printed apart, the client's first (the order
// between the two is the kernel's).
const tls = require('tls');
const { show } = require('../../trace');

const KEY = Buffer.from('d731ef57be09e5204f0b205b60627028', 'hex');
const SIZE = 200000;

function runCase(label, onServerSecure, next) {
  const lines = { client: [], server: [] };
  const c = (...parts) => lines.client.push(parts);
  const s = (...parts) => lines.server.push(parts);
  let pending = 2;
  const done = () => {
    if (--pending) return;
    server.close();
    show('case', label);
    for (const side of ['client', 'server']) for (const parts of lines[side]) show(side, ...parts);
    next();
  };
  const server = tls.createServer({ pskCallback: () => KEY, allowHalfOpen: true }, (sock) => {
    let got = 0;
    const listen = () => {
      sock.on('data', (d) => { got += d.length; });
      sock.on('end', () => { s('end', got); if (!sock.writableEnded) sock.end(); });
    };
    sock.on('close', () => { s('close', got); done(); });
    sock.on('error', (err) => s('error', err));
    onServerSecure(sock, listen);
  });
  server.listen(0, '127.0.0.1', () => {
    let got = 0;
    const client = tls.connect({
      port: server.address().port, host: '127.0.0.1', allowHalfOpen: true,
      pskCallback: () => ({ psk: KEY, identity: 'alice' }),
    }, () => { client.write(Buffer.alloc(SIZE, 120)); client.end(); });
    client.on('data', (d) => { got += d.length; });
    client.on('end', () => c('end', got));
    client.on('close', () => { c('close'); done(); });
    client.on('error', (err) => c('error', err));
  });
}

const cases = [
  ['end in secureConnection', (sock, listen) => { sock.end('bye'); listen(); }],
  ['paused, end, resume', (sock, listen) => {
    sock.pause();
    sock.end('bye', () => { listen(); sock.resume(); });
  }],
  ['listen a turn later', (sock, listen) => { setImmediate(listen); }],
];
(function next() {
  const c = cases.shift();
  if (c) runCase(c[0], c[1], next);
})();
