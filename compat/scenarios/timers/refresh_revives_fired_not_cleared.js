// covers: Timeout.refresh, clearTimeout
const { show } = require('../../trace');
let n = 0;
const t = setTimeout(() => { n += 1; show('fired', n); if (n < 3) t.refresh(); }, 3);
const c = setTimeout(() => show('cleared one fired'), 3);
clearTimeout(c);
show('refresh returns handle', c.refresh() === c);
