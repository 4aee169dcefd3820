// covers: events.once
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');
const { once } = EventEmitter;

async function main() {
  const e = new EventEmitter();
  e.on('removeListener', (name) => show('removes', name));
  try {
    await once(e, 'never', { signal: AbortSignal.abort('early') });
  } catch (err) {
    show('aborted before', err, err.name, err.message, err.cause, e.listenerCount('never'));
  }
  const ac = new AbortController();
  setTimeout(() => ac.abort('late'), 5);
  try {
    await once(e, 'never', { signal: ac.signal });
  } catch (err) {
    show('aborted while waiting', err, err.cause, e.listenerCount('never'), e.listenerCount('error'));
  }
  const ok = new AbortController();
  setTimeout(() => e.emit('ready', 1), 5);
  show('resolved', await once(e, 'ready', { signal: ok.signal }));
  ok.abort();
  show('abort after resolve', e.listenerCount('ready'));
}
main();
