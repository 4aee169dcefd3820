'use strict';
// The Node side of tests/test_interop.py: one end of one connection, client
// or server, over TCP or a Unix socket. It sends N bytes of a deterministic
// stream (stream.js, mirrored in Python) and ends, hashes what it receives,
// and prints one JSON line when the socket has closed. As a server it first prints a ready line
// with its port, accepts one connection, and stops listening.
//
//   node peer.js server (--port 0 [--host H] | --path P) [options]
//   node peer.js client (--port P [--host H] | --path P) [options]
//   node peer.js digest --seed S --send N      (sha256 of the stream, to check the generators agree)
//
// Options:
//   --send N          bytes to send (default 0)
//   --seed S          seed of the stream to send (default 1)
//   --allow-half-open keep writing after the peer's FIN
//   --wait-end        start sending at the peer's 'end' (half-close: the peer ended first)
//   --pause-at X      pause reading once X bytes have arrived, start sending
//                     then, and resume when that send has finished; so the
//                     pause is driven by byte counts and by events only
//
// Everything is event-driven; the only timer is an unref'd guard that fails
// the run if it has not finished in --guard-ms (default 30000).

const net = require('net');
const crypto = require('crypto');
const { blocks, streamDigest } = require('./stream');

function parseArgs(argv) {
  const opts = { mode: argv[0], send: 0, seed: 1, allowHalfOpen: false,
    waitEnd: false, pauseAt: null, port: null, host: null, path: null, guardMs: 30000 };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    switch (a) {
      case '--port': opts.port = Number(next()); break;
      case '--host': opts.host = next(); break;
      case '--path': opts.path = next(); break;
      case '--send': opts.send = Number(next()); break;
      case '--seed': opts.seed = Number(next()); break;
      case '--allow-half-open': opts.allowHalfOpen = true; break;
      case '--wait-end': opts.waitEnd = true; break;
      case '--pause-at': opts.pauseAt = Number(next()); break;
      case '--guard-ms': opts.guardMs = Number(next()); break;
      default: throw new Error('unknown argument ' + a);
    }
  }
  return opts;
}

function print(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

// Drive one connected socket; `done(result)` once it has closed.
function drive(socket, opts, done) {
  const hash = crypto.createHash('sha256');
  const r = {
    received: 0, sent: 0, sha256: null, events: [], error: null,
    pausedAt: null, resumedAt: null, bufferedAtResume: null, dataWhilePaused: 0,
    writableEndedAtFirstData: null, readableHighWaterMark: socket.readableHighWaterMark,
  };
  let paused = false;
  let sending = false;

  function send() {
    if (sending) return;
    sending = true;
    const it = blocks(opts.seed, opts.send);
    const finished = () => {
      r.events.push('sent');
      if (paused) {
        r.resumedAt = r.received;
        r.bufferedAtResume = socket.readableLength;
        paused = false;
        socket.resume();
      }
    };
    const pump = () => {
      for (;;) {
        const { value, done: last } = it.next();
        if (last) {
          socket.end(finished);
          return;
        }
        r.sent += value.length;
        if (!socket.write(value)) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    pump();
  }

  socket.on('data', (chunk) => {
    if (r.received === 0) r.writableEndedAtFirstData = socket.writableEnded;
    if (paused) r.dataWhilePaused += 1;
    r.received += chunk.length;
    hash.update(chunk);
    if (opts.pauseAt !== null && r.pausedAt === null && r.received >= opts.pauseAt) {
      r.pausedAt = r.received;
      paused = true;
      socket.pause();
      send();
    }
  });
  socket.on('end', () => {
    r.events.push('end');
    if (opts.waitEnd) send();
  });
  socket.on('finish', () => r.events.push('finish'));
  socket.on('error', (err) => { r.error = String(err && err.stack || err); });
  socket.on('close', (hadError) => {
    r.events.push(hadError ? 'close:error' : 'close');
    r.sha256 = hash.digest('hex');
    done(r);
  });
  if (!opts.waitEnd && opts.pauseAt === null) send();
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.mode === 'digest') {
    print({ sha256: streamDigest(opts.seed, opts.send) });
    return;
  }
  const guard = setTimeout(() => {
    print({ error: 'peer.js guard: no result after ' + opts.guardMs + ' ms' });
    process.exit(2);
  }, opts.guardMs);
  guard.unref();
  const finish = (r) => {
    print(r);
    process.exitCode = r.error ? 1 : 0;
  };
  const where = opts.path !== null ? { path: opts.path } : { port: opts.port, host: opts.host || '127.0.0.1' };
  if (opts.mode === 'server') {
    const server = net.createServer({ allowHalfOpen: opts.allowHalfOpen }, (socket) => {
      server.close();
      drive(socket, opts, finish);
    });
    server.on('error', (err) => { print({ error: String(err.stack) }); process.exit(1); });
    server.listen(where, () => {
      const a = server.address();
      print({ ready: true, port: typeof a === 'string' ? null : a.port, path: typeof a === 'string' ? a : null });
    });
  } else if (opts.mode === 'client') {
    const socket = net.connect({ ...where, allowHalfOpen: opts.allowHalfOpen });
    drive(socket, opts, finish);
  } else {
    throw new Error('mode must be server, client or digest');
  }
}

main();
