// covers: setTimeout
const { show } = require('../../trace');
// 'two' is set before 'string three': set the other way round, Node v20 fired the
// 3 ms timer first in 2 of 100 runs on an idle machine.
setTimeout(() => show('zero'), 0);
setTimeout(() => show('negative'), -5);
setTimeout(() => show('nan'), 'soon');
setTimeout(() => show('undefined'));
setTimeout(() => show('one'), 1);
setTimeout(() => show('two'), 2);
setTimeout(() => show('string three'), '3');
