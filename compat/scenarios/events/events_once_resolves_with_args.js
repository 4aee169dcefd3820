// covers: events.once
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');
const { once } = EventEmitter;

async function main() {
  const e = new EventEmitter();
  e.on('newListener', (name) => show('adds', name));
  e.on('removeListener', (name) => show('removes', name));
  setImmediate(() => e.emit('x', 1, 'two', null));
  show('args', await once(e, 'x'));
  show('left', e.listenerCount('x'), e.listenerCount('error'));
  setImmediate(() => e.emit('empty'));
  show('no args', await once(e, 'empty'));
}
main();
