// covers: setTimeout
const { show } = require('../../trace');
for (const name of ['a', 'b', 'c', 'd']) setTimeout(() => show('timeout', name), 5);
setTimeout(() => show('timeout', 'late'), 30);
setTimeout(() => show('timeout', 'early'), 2);
