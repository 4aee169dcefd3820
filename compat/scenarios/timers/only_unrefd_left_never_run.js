// covers: Timeout.unref, Immediate.unref, setInterval, process.nextTick
// Only unref'd timers, intervals and immediates pending once the main script
// and its ticks are done: the process exits without running any of them.
const { show } = require('../../trace');

setTimeout(() => show('unref timeout ran'), 1).unref();
setInterval(() => show('unref interval ran'), 1).unref();
setImmediate(() => show('unref immediate ran')).unref();
process.nextTick(() => {
  show('tick');
  setTimeout(() => show('unref timeout from tick ran'), 0).unref();
  setImmediate(() => show('unref immediate from tick ran')).unref();
});
process.on('exit', () => show('exit'));
show('main done');
