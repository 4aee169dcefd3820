// covers: Timeout.unref, Timeout.ref, Timeout.hasRef, Immediate.unref
const { show } = require('../../trace');
const long = setTimeout(() => show('long fired'), 10000);
show('hasRef', long.hasRef());
show('unref returns handle', long.unref() === long);
show('hasRef', long.hasRef());
const brief = setTimeout(() => show('brief fired'), 5).unref();
brief.ref();
// Whether the 5 ms timer or the immediate comes first depends on how long the
// first turn of the loop takes to start (a loaded machine: the timer), so the
// immediate's run is reported at exit, not in order.
let immediateRan = false;
const imm = setImmediate(() => { immediateRan = true; }).unref();
show('immediate hasRef', imm.hasRef());
process.on('exit', () => show('exit, immediate ran', immediateRan));
