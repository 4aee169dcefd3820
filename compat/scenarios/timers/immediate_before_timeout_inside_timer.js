// covers: setImmediate, setTimeout, nextTick
const { show } = require('../../trace');
setTimeout(() => {
  setTimeout(() => show('timeout 0'), 0);
  setImmediate(() => show('immediate'));
  process.nextTick(() => show('tick'));
  show('timer');
}, 2);
