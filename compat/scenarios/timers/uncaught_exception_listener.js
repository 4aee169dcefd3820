// covers: process.on('uncaughtException'), setInterval
const { show } = require('../../trace');
process.on('uncaughtException', (err, origin) => show('uncaught', err.message, origin));
let n = 0;
const iv = setInterval(() => {
  n += 1;
  if (n === 3) clearInterval(iv);
  throw new Error('tick ' + n);
}, 1);
