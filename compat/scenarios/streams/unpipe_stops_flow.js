// covers: socket.unpipe, 'unpipe', socket.readableFlowing, socket.isPaused
'use strict';
// unpipe(dest) emits 'unpipe' on dest and, with no pipes left, pauses the
// source even though it has a 'data' listener of its own. Later data waits in
// the source until it is resumed and never reaches dest; dest is not ended by
// the source's 'end'. unpipe() of something not piped does nothing.
const net = require('net');
const { show } = require('../../trace');

const source = net.createServer((conn) => {
  conn.write('one');
  conn.once('data', () => conn.end('two'));
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
    const other = new net.Socket();
    dest.on('unpipe', (s) => show('dest unpipe', s === src));
    other.on('unpipe', () => show('other unpipe'));
    src.pipe(dest);
    show('unpipe other returns src', src.unpipe(other) === src, src.readableFlowing);
    src.on('data', (d) => show('src data', d.toString()));
    src.on('end', () => {
      show('src end, dest writableEnded', dest.writableEnded);
      dest.end();
    });
    src.once('data', () => {
      show('unpipe returns src', src.unpipe(dest) === src);
      show('after unpipe', src.readableFlowing, src.isPaused());
      show('unpipe again returns src', src.unpipe() === src);
      src.write('ack');
      setImmediate(function poll() {
        if (src.readableLength < 3) return setImmediate(poll);
        show('buffered', src.readableLength);
        src.resume();
      });
    });
    dest.on('close', () => { show('dest close'); other.destroy(); });
  });
}));
