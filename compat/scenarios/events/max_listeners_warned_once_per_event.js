// covers: MaxListenersExceededWarning, EventEmitter.setMaxListeners, EventEmitter.removeAllListeners
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

// Node's flag lives on the array of listeners: it survives shrinking to two,
// and is lost when one listener is left or all are removed.
let warnings = 0;
process.on('warning', () => warnings++);
const flush = () => new Promise((resolve) => setImmediate(resolve));

async function main() {
  const e = new EventEmitter();
  e.setMaxListeners(2);
  const fs = [0, 1, 2, 3].map(() => () => {});
  const step = async (name) => { await flush(); show(name, warnings); warnings = 0; };
  e.on('a', fs[0]); e.on('a', fs[1]); e.on('a', fs[2]);
  await step('three a');
  e.on('a', fs[3]);
  e.on('b', fs[0]); e.on('b', fs[1]); e.on('b', fs[2]);
  await step('four a, three b');
  e.off('a', fs[3]); e.off('a', fs[2]); e.on('a', fs[2]);
  await step('down to two a, then three');
  e.off('a', fs[2]); e.off('a', fs[1]); e.on('a', fs[1]); e.on('a', fs[2]);
  await step('down to one a, then three');
  e.removeAllListeners('a'); e.on('a', fs[0]); e.on('a', fs[1]); e.on('a', fs[2]);
  await step('after removeAllListeners(a)');
  e.setMaxListeners(0);
  for (let i = 0; i < 20; i++) e.on('c', () => {});
  e.setMaxListeners(Infinity);
  for (let i = 0; i < 20; i++) e.on('d', () => {});
  await step('unlimited');
}
main();
