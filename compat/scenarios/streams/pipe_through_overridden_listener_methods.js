// covers: socket.pipe, socket.on, socket.once, socket.prependListener, socket.removeListener
'use strict';
// pipe() adds and removes its listeners through the streams' own methods: a
// subclass that overrides on, once, prependListener and removeListener sees
// each call, in Node's order, on the source and on the destination (once
// as once, then on with its wrapper; a wrapper removing itself), up to the
// cleanup once the source has ended and the destination finished.
const net = require('net');
const { show } = require('../../trace');

const PIPE = ['onend', 'unpipe', 'onunpipe', 'ondata', 'onerror', 'onclose', 'onfinish', 'bound onceWrapper'];

class Logged extends net.Socket {
  constructor(name) { super(); this.name = name; }
  log(method, ev, fn) { if (ev !== 'connect' && PIPE.includes(fn.name)) show(this.name, method, ev, fn.name); }
  on(ev, fn) { this.log('on', ev, fn); return super.on(ev, fn); }
  once(ev, fn) { this.log('once', ev, fn); return super.once(ev, fn); }
  prependListener(ev, fn) { this.log('prependListener', ev, fn); return super.prependListener(ev, fn); }
  removeListener(ev, fn) { this.log('removeListener', ev, fn); return super.removeListener(ev, fn); }
}

const source = net.createServer((conn) => {
  conn.end('through overrides');
  conn.on('close', () => source.close());
});
const sink = net.createServer((conn) => {
  const got = [];
  conn.on('data', (d) => got.push(d));
  conn.on('end', () => {
    show('sink got', Buffer.concat(got).toString());
    conn.end();
    sink.close();
  });
});

source.listen(0, '127.0.0.1', () => sink.listen(0, '127.0.0.1', () => {
  const dest = new Logged('dest');
  dest.connect(sink.address().port, '127.0.0.1', () => {
    const src = new Logged('src');
    src.connect(source.address().port, '127.0.0.1');
    show('pipe returns dest', src.pipe(dest) === dest);
    show('dest error listeners', dest.rawListeners('error').map((f) => f.name).filter((n) => PIPE.includes(n)));
    dest.on('close', () => show('dest close', src.listenerCount('data'), dest.listenerCount('unpipe')));
  });
}));
