// covers: setImmediate, nextTick
const { show } = require('../../trace');
setImmediate(() => {
  show('A');
  setImmediate(() => show('C (queued by A)'));
  process.nextTick(() => show('tick after A'));
});
setImmediate((x, y) => show('B', x, y), 1, 'two');
process.nextTick(() => show('tick from main'));
