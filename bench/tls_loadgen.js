'use strict';
// The TLS workloads' load generator (bench/tls.py): Node's tls client, one
// process, 127.0.0.1 only. The C loadgen (loadgen.c) has no TLS.
//   node tls_loadgen.js MODE --conns N --size B --duration S --warmup S --port P --pid PID --certs DIR [--window W]
// MODE pingpong: each connection keeps one SIZE-byte message in flight; an
// operation is one whole echo. MODE bulk: each connection keeps WINDOW chunks of
// SIZE bytes unanswered; ops counts chunks, bytes the bytes echoed. MODE
// connrate: N at a time, connect (a full handshake: no session is reused),
// one SIZE-byte exchange, end; an operation is one connection, counted when
// it has closed.
// Prints one JSON line: ops, bytes, window_s, server_cpu_s, loadgen_cpu_s, p50_us, p99_us.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const [mode, ...rest] = process.argv.slice(2);
const opt = (name, dflt) => { const i = rest.indexOf(name); return i >= 0 ? rest[i + 1] : dflt; };
const conns = Number(opt('--conns', 100));
const size = Number(opt('--size', 64));
const duration = Number(opt('--duration', 3));
const warmup = Number(opt('--warmup', 0.5));
const port = Number(opt('--port'));
const pid = opt('--pid');
const windowN = Number(opt('--window', 4));
const ca = fs.readFileSync(path.join(opt('--certs'), 'ca.pem'));
setTimeout(() => { console.error('guard timeout'); process.exit(3); }, (duration + warmup + 60) * 1000).unref();

const CLK_TCK = 100;
function serverCpu() {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;   // utime, stime
  } catch (e) { return -1; }
}
function selfCpu() { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; }

let measuring = false;
let stopping = false;
let ops = 0;
let bytes = 0;
const lat = [];
const payload = Buffer.alloc(size, 0x61);
const sockets = [];
let established = 0;

function startConn(sock) {
  let got = 0;
  let sentAt = 0;
  const inflight = [];
  const send = () => {
    if (stopping) return;
    sentAt = process.hrtime.bigint();
    if (mode === 'bulk') inflight.push(sentAt);
    sock.write(payload);
  };
  sock.on('data', (d) => {
    got += d.length;
    while (got >= size) {
      got -= size;
      const start = mode === 'bulk' ? inflight.shift() : sentAt;
      if (measuring) {
        ops++; bytes += size;
        if (lat.length < 2e6) lat.push(Number(process.hrtime.bigint() - start) / 1000);
      }
      send();
    }
  });
  const n = mode === 'bulk' ? windowN : 1;
  for (let i = 0; i < n; i++) send();
}

function connectAll(done) {
  let pending = conns;
  for (let i = 0; i < conns; i++) {
    const sock = tls.connect({ port, host: '127.0.0.1', ca, servername: 'localhost' }, () => {
      established++;
      sock.setNoDelay(true);
      if (--pending === 0) done();
    });
    sock.on('error', (e) => { console.error('conn error', e.code || e.message); process.exitCode = 1; });
    sockets.push(sock);
  }
}

function measureWindow(finish) {
  setTimeout(() => {
    measuring = true;
    const c0 = serverCpu(); const l0 = selfCpu(); const t0 = process.hrtime.bigint();
    setTimeout(() => {
      measuring = false;
      const window = Number(process.hrtime.bigint() - t0) / 1e9;
      const c1 = serverCpu(); const l1 = selfCpu();
      stopping = true;
      lat.sort((a, b) => a - b);
      const q = (p) => lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] : -1;
      console.log(JSON.stringify({
        mode, conns, established, size, window_s: window, ops, bytes,
        server_cpu_s: c0 >= 0 && c1 >= 0 ? c1 - c0 : -1, loadgen_cpu_s: l1 - l0,
        p50_us: q(0.5), p99_us: q(0.99),
      }));
      finish();
    }, duration * 1000);
  }, warmup * 1000);
}

// connrate: one connection's life, then the next in its place.
const live = new Set();
function cycle() {
  if (stopping) return;
  const start = process.hrtime.bigint();
  let got = 0;
  let exchanged = false;
  const sock = tls.connect({ port, host: '127.0.0.1', ca, servername: 'localhost' }, () => {
    established++;
    sock.write(payload);
  });
  live.add(sock);
  sock.on('data', (d) => {
    got += d.length;
    if (!exchanged && got >= size) {
      exchanged = true;
      sock.end();
    }
  });
  sock.on('error', (e) => { if (!stopping) { console.error('conn error', e.code || e.message); process.exitCode = 1; } });
  sock.on('close', () => {
    live.delete(sock);
    if (exchanged && measuring) {
      ops++; bytes += size;
      if (lat.length < 2e6) lat.push(Number(process.hrtime.bigint() - start) / 1000);
    }
    cycle();
  });
}

if (mode === 'connrate') {
  for (let i = 0; i < conns; i++) cycle();
  measureWindow(() => live.forEach((s) => s.destroy()));
} else {
  connectAll(() => {
    sockets.forEach(startConn);
    measureWindow(() => sockets.forEach((s) => s.destroy()));
  });
}
