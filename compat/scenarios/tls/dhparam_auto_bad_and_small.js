// covers: createSecureContext, dhparam, ERR_INVALID_ARG_VALUE, ERR_INVALID_ARG_TYPE, ERR_CRYPTO_OPERATION_FAILED
// dhparam: 'auto' (exactly) is taken; what is no PEM DH group is ignored; a
// group under 1024 bits throws, one under 2048 warns (SecurityWarning, once,
// after the call); a 1024-bit group fails only at security level 2.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

process.on('warning', (w) => show('warning', w.name, w.message));
const attempt = (label, opts) => {
  try { tls.createSecureContext(opts); show(label, 'ok'); } catch (e) { show(label, e.name, e.code, e.message); }
};
attempt('auto', { dhparam: 'auto' });
attempt('AUTO', { dhparam: 'AUTO' });
attempt('garbage', { dhparam: 'garbage' });
attempt('garbage buffer', { dhparam: Buffer.from('garbage') });
attempt('empty', { dhparam: '' });
attempt('a certificate', { dhparam: cert('ca.pem') });
attempt('512 bits', { dhparam: cert('dh512.pem') });
attempt('1024 bits', { dhparam: cert('dh1024.pem') });
attempt('2048 bits', { dhparam: cert('dh2048.pem') });
attempt('5', { dhparam: 5 });
attempt('false', { dhparam: false });
attempt('null', { dhparam: null });
attempt('1024 bits at level 2', { dhparam: cert('dh1024.pem'), ciphers: 'HIGH:@SECLEVEL=2' });
show('end of script');
