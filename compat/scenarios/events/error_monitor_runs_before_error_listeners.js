// covers: events.errorMonitor, EventEmitter.emit, EventEmitter 'error'
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
e.on(EventEmitter.errorMonitor, (err) => show('monitor', err.message));
try {
  e.emit('error', new Error('unhandled'));
} catch (err) {
  show('thrown', err.message);
}
e.on('error', (err) => show('handler', err.message));
show('emit', e.emit('error', new Error('handled')));
show('emit monitor itself', e.emit(EventEmitter.errorMonitor, new Error('direct')));
const late = new EventEmitter();
late.on(EventEmitter.errorMonitor, () => late.on('error', (err) => show('late handler', err.message)));
show('late', late.emit('error', new Error('caught late')));
