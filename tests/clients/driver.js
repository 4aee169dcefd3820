'use strict';
// A Node peer that tests/test_examples.py and tests/test_gevent_stacks.py script: one
// JSON command per line on stdin, one JSON event per line on stdout,
// so the Python test waits on what Node saw, never on time.
//
// Sockets have ids chosen by the test; a server's accepted sockets are named
// "<server id>.1", "<server id>.2", ... Commands ({"cmd": ..., "id": ...}):
//
//   connect  {port, host?, mode?, allowHalfOpen?}
//                                   mode "lines" (default): an event per line
//                                   received; "hash": count and hash what
//                                   arrives, reported at 'end'
//   listen   {port?, mode?, allowHalfOpen?}
//                                   a server; its connections get that mode
//   write    {data}                 a utf8 string; or {hex} for raw bytes
//   send     {bytes?}               that many random bytes (without bytes:
//                                   until "stop"), with backpressure ('drain'),
//                                   then end(); event "sent" with their count
//                                   and sha256 once all are flushed
//   stop                            a "send" ends after its current write
//   when     {line, then}           run command ``then`` as soon as this
//                                   socket receives ``line``: a reaction
//                                   that needs no round trip through the test
//   pause / resume / end / destroy / reset (resetAndDestroy)
//
// Events: {"id", "event": "connect" | "line" | "end" | "close" | "error" |
// "listening" | "connection" | "sent", ..., "t": performance.now() in ms}.
// The process exits when stdin ends.

const net = require('net');
const crypto = require('crypto');
const readline = require('readline');

const sockets = new Map();
const servers = new Map();

function print(obj) {
  process.stdout.write(JSON.stringify({ ...obj, t: performance.now() }) + '\n');
}

function drive(id, sock, mode) {
  const state = { sock, mode, received: 0, hash: crypto.createHash('sha256'), pending: '', when: new Map() };
  sockets.set(id, state);
  if (mode === 'lines') {
    sock.setEncoding('utf8');
  }
  sock.on('data', (chunk) => {
    if (mode === 'lines') {
      state.pending += chunk;
      const lines = state.pending.split('\n');
      state.pending = lines.pop();
      for (const line of lines) {
        print({ id, event: 'line', line });
        const then = state.when.get(line);
        if (then) {
          state.when.delete(line);
          run(then);
        }
      }
    } else {
      state.received += chunk.length;
      state.hash.update(chunk);
    }
  });
  sock.on('end', () => {
    const ev = { id, event: 'end' };
    if (mode === 'hash') Object.assign(ev, { bytes: state.received, sha256: state.hash.digest('hex') });
    else if (state.pending) ev.rest = state.pending;
    print(ev);
  });
  sock.on('error', (err) => print({ id, event: 'error', code: err.code }));
  sock.on('close', (hadError) => print({ id, event: 'close', hadError }));
  return state;
}

function send(id, state, total) {
  const { sock } = state;
  const hash = crypto.createHash('sha256');
  let sent = 0;
  const more = () => {
    while (!state.stop && (total == null || sent < total)) {
      const buf = crypto.randomBytes(total == null ? 65536 : Math.min(65536, total - sent));
      sent += buf.length;
      hash.update(buf);
      if (!sock.write(buf)) {
        sock.once('drain', more);
        return;
      }
    }
    sock.end(() => print({ id, event: 'sent', bytes: sent, sha256: hash.digest('hex') }));
  };
  more();
}

function run(cmd) {
  const { id } = cmd;
  const state = sockets.get(id);
  switch (cmd.cmd) {
    case 'connect': {
      const sock = net.connect({ port: cmd.port, host: cmd.host || '127.0.0.1', allowHalfOpen: !!cmd.allowHalfOpen });
      sock.on('connect', () => print({ id, event: 'connect' }));
      drive(id, sock, cmd.mode || 'lines');
      break;
    }
    case 'listen': {
      let n = 0;
      const server = net.createServer({ allowHalfOpen: !!cmd.allowHalfOpen }, (sock) => {
        const sid = `${id}.${++n}`;
        drive(sid, sock, cmd.mode || 'lines');
        print({ id, event: 'connection', socket: sid });
      });
      servers.set(id, server);
      server.on('error', (err) => print({ id, event: 'error', code: err.code }));
      server.listen(cmd.port || 0, '127.0.0.1', () => print({ id, event: 'listening', port: server.address().port }));
      break;
    }
    case 'write':
      state.sock.write(cmd.hex !== undefined ? Buffer.from(cmd.hex, 'hex') : cmd.data);
      break;
    case 'send':
      send(id, state, cmd.bytes);
      break;
    case 'when':
      state.when.set(cmd.line, cmd.then);
      break;
    case 'stop':
      state.stop = true;
      break;
    case 'pause': state.sock.pause(); break;
    case 'resume': state.sock.resume(); break;
    case 'end': state.sock.end(); break;
    case 'destroy': state.sock.destroy(); break;
    case 'reset': state.sock.resetAndDestroy(); break;
    default:
      throw new Error('unknown command ' + JSON.stringify(cmd));
  }
}

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => run(JSON.parse(line)));
rl.on('close', () => {
  for (const { sock } of sockets.values()) sock.destroy();
  for (const server of servers.values()) server.close();
});
