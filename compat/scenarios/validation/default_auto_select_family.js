// covers: net.getDefaultAutoSelectFamily, net.setDefaultAutoSelectFamily, net.getDefaultAutoSelectFamilyAttemptTimeout, net.setDefaultAutoSelectFamilyAttemptTimeout, 'lookup'
const net = require('net');
const { show } = require('../../trace');

show('defaults', net.getDefaultAutoSelectFamily(), net.getDefaultAutoSelectFamilyAttemptTimeout());
for (const v of [1, 'x', undefined]) {
  try { net.setDefaultAutoSelectFamily(v); } catch (e) { show('setDefaultAutoSelectFamily', v, e.code, e.message); }
}
for (const v of [5, 100, 0, 1.5, '7', 2 ** 31, undefined]) {
  try {
    net.setDefaultAutoSelectFamilyAttemptTimeout(v);
    show('setDefaultAutoSelectFamilyAttemptTimeout', v, net.getDefaultAutoSelectFamilyAttemptTimeout());
  } catch (e) {
    show('setDefaultAutoSelectFamilyAttemptTimeout', v, e.code, e.message);
  }
}

// The default decides whether a connect asks its lookup for every address.
function tryConnect(label, next) {
  const lookup = (host, opts, cb) => {
    show(label, 'lookup all', opts.all === true);
    cb(new Error('no'));
  };
  const c = net.connect({ host: 'example.invalid', port: 80, lookup });
  c.on('error', () => {});
  c.on('close', next);
}
tryConnect('default true', () => {
  net.setDefaultAutoSelectFamily(false);
  show('after set false', net.getDefaultAutoSelectFamily());
  tryConnect('default false', () => {
    net.setDefaultAutoSelectFamily(true);
    show('done');
  });
});
