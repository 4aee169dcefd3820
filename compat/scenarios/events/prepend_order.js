// covers: EventEmitter.prependListener, EventEmitter.prependOnceListener, EventEmitter.on
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
e.on('x', () => show('on 1'));
e.prependListener('x', () => show('prepend 2'));
e.on('x', () => show('on 3'));
e.prependOnceListener('x', () => show('prependOnce 4'));
show('returns emitter', e.prependListener('y', () => {}) === e, e.prependOnceListener('y', () => {}) === e);
e.emit('x');
show('--');
e.emit('x');
