// covers: EventEmitter.setMaxListeners, EventEmitter.getMaxListeners, ERR_OUT_OF_RANGE, ERR_INVALID_ARG_TYPE
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
show('default', e.getMaxListeners());
for (const n of [-1, NaN, 'x', true, undefined, 0, 1.5, Infinity, 3]) {
  try {
    show('set', n, e.setMaxListeners(n) === e, e.getMaxListeners());
  } catch (err) {
    show('error', err, err.message, e.getMaxListeners());
  }
}
