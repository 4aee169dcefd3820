// covers: createSecureContext sessionTimeout, createServer sessionTimeout, server.sessionTimeout
// sessionTimeout is an int32 >= 0 (validateInt32): a string or boolean throws
// ERR_INVALID_ARG_TYPE, a negative, fractional or too big number
// ERR_OUT_OF_RANGE, null and undefined are no timeout. A server keeps a truthy
// one as server.sessionTimeout (0 and NaN are not set, and not checked).
const tls = require('tls');
const { show } = require('../../trace');

const values = [['abc', 'abc'], ['"10"', '10'], ['true', true], ['{}', {}], ['-1', -1], ['1.5', 1.5],
  ['NaN', NaN], ['Infinity', Infinity], ['2**31', 2 ** 31], ['2**31-1', 2 ** 31 - 1], ['0', 0], ['null', null],
  ['undefined', undefined], ['300', 300]];
for (const [name, value] of values) {
  try {
    tls.createSecureContext({ sessionTimeout: value });
    show('createSecureContext', name, 'ok');
  } catch (e) {
    show('createSecureContext', name, e, e.name, e.message);
  }
  try {
    const server = tls.createServer({ sessionTimeout: value });
    show('createServer', name, 'ok', server.sessionTimeout);
  } catch (e) {
    show('createServer', name, e, e.name, e.message);
  }
}
