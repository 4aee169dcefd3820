// covers: process.setUncaughtExceptionCaptureCallback, setTimeout
const { show } = require('../../trace');
process.setUncaughtExceptionCaptureCallback((err) => show('captured', err.message));
setTimeout(() => { show('first'); throw new Error('boom'); }, 1);
setTimeout(() => {
  show('second still runs');
  setImmediate(() => { throw new Error('from immediate'); });
}, 1);
process.nextTick(() => { throw new Error('from tick'); });
