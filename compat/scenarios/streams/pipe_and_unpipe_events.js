// covers: socket.pipe, 'pipe', 'unpipe', 'finish'
'use strict';
// source.pipe(dest) returns dest and emits 'pipe' on dest at once, with the
// source. When the source ends, the pipe ends dest; dest's 'unpipe' comes with
// its 'finish'.
const net = require('net');
const { show } = require('../../trace');

const source = net.createServer((conn) => {
  conn.end('hello through a pipe');
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
  const dest = net.connect(sink.address().port, '127.0.0.1', () => {
    const src = net.connect(source.address().port, '127.0.0.1');
    dest.on('pipe', (s) => show('dest pipe', s === src, src.readableFlowing));
    dest.on('unpipe', (s) => show('dest unpipe', s === src, dest.writableEnded));
    dest.on('finish', () => show('dest finish'));
    dest.on('close', () => show('dest close'));
    src.on('end', () => show('src end'));
    show('pipe returns dest', src.pipe(dest) === dest);
    show('after pipe', src.readableFlowing);
  });
}));
