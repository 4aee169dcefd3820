// covers: setInterval, clearInterval
const { show } = require('../../trace');
let n = 0;
const iv = setInterval((tag) => {
  n += 1;
  show('interval', tag, n);
  if (n === 3) { clearInterval(iv); show('cleared'); }
}, 2, 'x');
