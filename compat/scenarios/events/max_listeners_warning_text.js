// covers: EventEmitter.on, MaxListenersExceededWarning, EventEmitter.defaultMaxListeners
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

process.on('warning', (w) => show(w.name, w.message, w.count, w.type));
class Foo extends EventEmitter {}
const e = new EventEmitter();
for (let i = 0; i < 11; i++) e.on('foo', () => {});
const f = new Foo();
f.setMaxListeners(1.5);
f.on('bar', () => {});
f.on('bar', () => {});
show('default', EventEmitter.defaultMaxListeners);
