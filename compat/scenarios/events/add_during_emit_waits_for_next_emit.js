// covers: EventEmitter.emit, EventEmitter.on
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
let added = false;
e.on('x', (n) => {
  show('first', n);
  if (!added) { added = true; e.on('x', (m) => show('late', m)); }
});
e.emit('x', 1);
e.emit('x', 2);
