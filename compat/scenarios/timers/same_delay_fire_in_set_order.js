// covers: setTimeout
const { show } = require('../../trace');
// 'early' is set first: timers set later may start from a later loop time
// on a loaded machine, and then a 2 ms timer set last can expire after them.
setTimeout(() => show('timeout', 'early'), 2);
for (const name of ['a', 'b', 'c', 'd']) setTimeout(() => show('timeout', name), 5);
setTimeout(() => show('timeout', 'late'), 30);
