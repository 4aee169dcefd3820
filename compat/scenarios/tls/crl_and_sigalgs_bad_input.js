// covers: crl, sigalgs, ERR_CRYPTO_OPERATION_FAILED, ERR_INVALID_ARG_VALUE
const tls = require('tls');
const { show } = require('../../trace');

for (const sigalgs of ['', 'RSA-PSS+SHA256:ECDSA+SHA256', 'nonsense', 5]) {
  try { tls.createSecureContext({ sigalgs }); show('sigalgs', sigalgs, 'ok'); }
  catch (e) { show('sigalgs', sigalgs, e.code, e.message); }
}
for (const crl of ['garbage', Buffer.from('x'), 5, ['a']]) {
  try { tls.createSecureContext({ crl }); show('crl', 'ok'); }
  catch (e) { show('crl', e.code, e.message); }
}
