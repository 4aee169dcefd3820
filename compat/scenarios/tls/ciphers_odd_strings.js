// covers: createSecureContext, ciphers, ERR_INVALID_ARG_VALUE, ERR_SSL_NO_CIPHER_MATCH
// Odd cipher strings: nothing but colons names no cipher (ERR_INVALID_ARG_VALUE,
// the split list received); '' is the default list; '!TLS_...' entries go with
// the TLS 1.3 suites, so they alone, or beside a TLS 1.2 list only, match nothing.
// (OpenSSL's reason is shown: gnet's message lacks the packed error number.)
const tls = require('tls');
const { show } = require('../../trace');

const strings = [':', '::', '', 'TLS_AES_128_GCM_SHA256', 'TLS_AES_128_GCM_SHA256:', '!TLS_AES_128_GCM_SHA256',
  '!RC4', '!RC4:!MD5', 'HIGH:!TLS_AES_128_GCM_SHA256', 'TLS_AES_128_GCM_SHA256:!TLS_AES_256_GCM_SHA384',
  'TLS_BOGUS', 'BOGUS', '  ', 'HIGH::', '-TLS_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256:TLS_BOGUS'];
for (const ciphers of strings) {
  try {
    tls.createSecureContext({ ciphers });
    show(JSON.stringify(ciphers), 'ok');
  } catch (e) {
    show(JSON.stringify(ciphers), e.name, e.code, e.reason || e.message);
  }
}
