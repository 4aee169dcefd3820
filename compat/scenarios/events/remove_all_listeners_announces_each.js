// covers: EventEmitter.removeAllListeners, EventEmitter 'removeListener'
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
function a() {}
function b() {}
function c() {}
e.on('b', a);
e.once('b', b);
e.on('b', c);
e.on('7', a);
e.once('z', c);
e.on('removeListener', function first(name, l) { show('first sees', name, l); });
e.on('removeListener', function second(name, l) { show('second sees', name, l); });
show('one event');
show('returns', e.removeAllListeners('z') === e);
show('all');
e.removeAllListeners();
show('names', e.eventNames());
const quiet = new EventEmitter();
quiet.on('x', a);
show('without removeListener listeners', quiet.removeAllListeners('x') === quiet, quiet.removeAllListeners('y') === quiet, quiet.eventNames());
