// covers: setTimeout, nextTick
const { show } = require('../../trace');
setTimeout(() => {
  show('timer 1');
  process.nextTick(() => { show('tick from timer 1'); process.nextTick(() => show('nested tick')); });
}, 3);
setTimeout(() => show('timer 2'), 3);
process.nextTick(() => show('tick from main'));
show('main done');
