// covers: EventEmitter.removeListener, EventEmitter.once, EventEmitter.rawListeners
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
function f(tag) { show('f', tag); }
e.on('x', f);
e.once('x', f);
e.on('x', () => show('other'));
e.removeListener('x', f);
show('raw', e.rawListeners('x').map((l) => l === f));
e.emit('x', 1);
e.on('x', f);
e.on('x', f);
e.removeListener('x', f);
show('raw', e.rawListeners('x').map((l) => l === f));
e.emit('x', 2);
