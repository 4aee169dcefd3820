// covers: events.once
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');
const { once } = EventEmitter;

// gnet's `timeout` (milliseconds) stands for Node's AbortSignal.timeout();
// the error types differ (AbortError / TimeoutError), the cleanup does not.
// AbortSignal.timeout's timer is unref'd: a ref'd one keeps Node alive meanwhile.
async function main() {
  const keepAlive = setTimeout(() => {}, 10000);
  const e = new EventEmitter();
  e.on('removeListener', (name) => show('removes', name));
  try {
    await once(e, 'never', { signal: AbortSignal.timeout(5) });
    show('resolved');
  } catch (err) {
    show('timed out', e.listenerCount('never'), e.listenerCount('error'));
  }
  show('emit after', e.emit('never'));
  clearTimeout(keepAlive);
}
main();
