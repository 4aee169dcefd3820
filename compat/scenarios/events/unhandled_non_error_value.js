// covers: EventEmitter.emit, EventEmitter 'error', ERR_UNHANDLED_ERROR
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
for (const value of ['boom', 42, { reason: 'x' }]) {
  try {
    e.emit('error', value);
  } catch (err) {
    show(err, err.message, err.context);
  }
}
