// covers: EventEmitter.once, EventEmitter.emit
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
let depth = 0;
e.once('x', (n) => {
  show('once', n, ++depth);
  show('inner emit', e.emit('x', n + 1));
});
e.on('x', (n) => show('on', n));
show('outer emit', e.emit('x', 1));
show('third emit', e.emit('x', 9));
