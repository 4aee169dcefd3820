// covers: EventEmitter.once, EventEmitter.rawListeners, EventEmitter.listeners
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
function onX(v) { show('onX', v); }
e.once('x', onX);
const raw = e.rawListeners('x');
show('raw', raw.length, raw[0] === onX, raw[0].listener === onX, raw[0]);
show('listeners', e.listeners('x'), e.listeners('x')[0] === onX);
raw[0]('direct');
show('after direct call', e.listenerCount('x'));
raw[0]('again');
show('emit', e.emit('x', 'late'));
