// covers: AbortSignal.abort, AbortSignal.timeout, AbortSignal.any
'use strict';
const { show } = require('../../trace');

const pre = AbortSignal.abort();
show('abort()', pre.aborted, pre.reason.name, pre.reason.code);
show('abort(reason)', AbortSignal.abort('mine').reason);
const a = new AbortController();
const b = new AbortController();
const any = AbortSignal.any([a.signal, b.signal]);
any.addEventListener('abort', () => show('any aborted', any.reason));
show('any before', any.aborted);
b.abort('from b');
show('any of aborted', AbortSignal.any([pre]).reason.name);
const t = AbortSignal.timeout(20);
show('timeout before', t.aborted);
t.addEventListener('abort', () => {
  show('timeout', t.reason.name, t.reason.code, t.reason.message);
  clearTimeout(keepAlive);
});
// The timeout's timer is unref'd: something else keeps the process alive.
const keepAlive = setTimeout(() => show('not reached'), 10000);
const lone = AbortSignal.timeout(5000);
lone.onabort = () => show('unref timer kept the process alive');
