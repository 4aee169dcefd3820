'use strict';
// covers: EventEmitter.defaultMaxListeners
// The class-level default set through its property (in gnet, its PEP 8 name)
// is the limit emitters without their own use, read back under either name.
const EventEmitter = require('events');
const { show } = require('../../trace');

const warnings = [];
process.on('warning', (w) => warnings.push(w));
show('before', EventEmitter.defaultMaxListeners);
EventEmitter.defaultMaxListeners = 1;
show('after', EventEmitter.defaultMaxListeners);
const e = new EventEmitter();
show('limit', e.getMaxListeners());
e.on('foo', () => {});
e.on('foo', () => {});
EventEmitter.defaultMaxListeners = 10;
show('restored', EventEmitter.defaultMaxListeners, e.getMaxListeners());
setImmediate(() => {
  for (const w of warnings) show(w.name, w.count, w.type);
});
