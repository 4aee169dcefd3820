// covers: EventEmitter.emit, EventEmitter.on
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
e.on('x', () => show('none'));
e.on('x', (a) => show('one', a));
e.on('x', (a, b, c) => show('three', a, b, c));
e.on('x', (...all) => show('rest', all));
e.once('x', (a, b) => show('once two', a, b));
e.emit('x', 1, 2);
e.emit('x');
