// covers: setTimeout
const { show } = require('../../trace');
setTimeout(() => show('zero'), 0);
setTimeout(() => show('negative'), -5);
setTimeout(() => show('nan'), 'soon');
setTimeout(() => show('undefined'));
setTimeout(() => show('one'), 1);
setTimeout(() => show('string three'), '3');
setTimeout(() => show('two'), 2);
