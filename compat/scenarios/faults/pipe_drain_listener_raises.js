// covers: Socket.pipe, 'drain', 'pause', Socket.resume, process 'uncaughtException'
const net = require('net');
const { show } = require('../../trace');

// A proxy pipes its client's socket into an upstream socket whose reader
// (the sink) starts paused. The upstream has a 'drain' listener of its own,
// added before pipe(), that throws the first time. The throw happens before
// the pipe's own 'drain' listener runs, so the source stays paused: after
// 'uncaughtException' both streams are shown, then the source is resumed by
// hand and every byte reaches the sink. The ends of the three connections
// come in no fixed order, so they are printed sorted at exit.
const TOTAL = 4 * 1024 * 1024;
let sinkSide = null;
let sinkGot = 0;
let src = null;
let up = null;
let drained = false;
const ends = [];
process.on('exit', () => ends.sort().forEach((line) => show(line)));

process.on('uncaughtException', (err, origin) => {
  show('uncaught', err.message, origin);
  show('source paused', src.isPaused(), 'flowing', src.readableFlowing);
  show('upstream needs drain', up.writableNeedDrain, 'destroyed', up.destroyed);
  src.resume();
});

const sink = net.createServer((k) => {
  sinkSide = k;
  k.pause();
  k.on('data', (d) => { sinkGot += d.length; });
  k.on('end', () => {
    ends.push(`sink end, got all ${sinkGot === TOTAL}`);
    k.end();
  });
  k.on('close', () => sink.close(() => ends.push('sink closed')));
});

const proxy = net.createServer((s) => {
  src = s;
  up = net.connect(sink.address().port, '127.0.0.1');
  up.resume();
  up.on('drain', () => {
    if (!drained) {
      drained = true;
      throw new Error('boom in a drain listener');
    }
  });
  s.pipe(up);
  s.once('pause', () => {
    show('source paused by the pipe');
    sinkSide.resume();
  });
  up.on('close', () => proxy.close(() => ends.push('proxy closed')));
});

sink.listen(0, '127.0.0.1', () => {
  proxy.listen(0, '127.0.0.1', () => {
    const c = net.connect(proxy.address().port, '127.0.0.1', () => c.end(Buffer.alloc(TOTAL, 112)));
    c.resume();
    c.on('close', () => ends.push('client close'));
  });
});
