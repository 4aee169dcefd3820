// covers: EventEmitter.emit, EventEmitter 'error'
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
const boom = new TypeError('boom');
try {
  e.emit('error', boom);
  show('not thrown');
} catch (err) {
  show('thrown', err === boom, err.message);
}
e.on('error', (err) => show('handled', err.message));
show('emit', e.emit('error', boom));
