// covers: setTimeout, setInterval, setImmediate, process.nextTick
// A callback gets the extra arguments as a JavaScript function does: fewer
// parameters take the leading ones, a missing one is undefined, a default
// parameter keeps its default.
const { show } = require('../../trace');

process.nextTick(() => show('tick none'), 'a', 'b');
process.nextTick((a) => show('tick one', a), 'a', 'b');
process.nextTick((a, b) => show('tick two', a, b), 'a');
process.nextTick((a, b = 'dflt') => show('tick default', a, b), 'a');
setImmediate(() => show('immediate none'), 'a', 'b');
setImmediate((a) => show('immediate one', a), 'a', 'b');
setImmediate((a, b) => show('immediate two', a, b), 'a');
setImmediate((...rest) => {
  show('immediate rest', rest);
  setTimeout(() => show('timeout none'), 1, 'a', 'b');
  setTimeout((a) => show('timeout one', a), 1, 'a', 'b');
  setTimeout((a, b) => show('timeout two', a, b), 1);
  setTimeout((a, b = 'dflt') => {
    show('timeout default', a, b);
    let times = 0;
    const interval = setInterval((a) => {
      times += 1;
      show('interval one', a, times);
      if (times === 2) clearInterval(interval);
    }, 1, 'a', 'b');
  }, 1, 'a');
}, 'a', 'b');
