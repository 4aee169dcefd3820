// covers: EventEmitter.emit, EventEmitter.removeListener
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
function a() { show('a'); e.removeListener('x', b); e.removeListener('x', c); }
function b() { show('b'); }
function c() { show('c'); }
e.on('x', a);
e.on('x', b);
e.on('x', c);
show('first', e.emit('x'));
show('second', e.emit('x'));
show('count', e.listenerCount('x'));
