// covers: Timeout.unref, Timeout.ref, Timeout.hasRef, Immediate.unref
const { show } = require('../../trace');
const long = setTimeout(() => show('long fired'), 10000);
show('hasRef', long.hasRef());
show('unref returns handle', long.unref() === long);
show('hasRef', long.hasRef());
const brief = setTimeout(() => show('brief fired'), 5).unref();
brief.ref();
const imm = setImmediate(() => show('immediate ran')).unref();
show('immediate hasRef', imm.hasRef());
process.on('exit', () => show('exit'));
