// covers: EventEmitter.on, EventEmitter.once, EventEmitter.prependListener, EventEmitter.removeListener, ERR_INVALID_ARG_TYPE
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
const calls = {
  on: (l) => e.on('x', l),
  once: (l) => e.once('x', l),
  prependListener: (l) => e.prependListener('x', l),
  prependOnceListener: (l) => e.prependOnceListener('x', l),
  removeListener: (l) => e.removeListener('x', l),
};
for (const [name, call] of Object.entries(calls)) {
  for (const value of [undefined, 5, 'f']) {
    try {
      call(value);
      show(name, 'accepted');
    } catch (err) {
      show(name, err, err.message);
    }
  }
}
show('count', e.listenerCount('x'));
