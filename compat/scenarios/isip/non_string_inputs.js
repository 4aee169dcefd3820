// covers: isIP, isIPv4, isIPv6
'use strict';
// Values that are not strings answer 0/false: numbers, null, undefined,
// booleans, and objects whose string form is no address. Each token in
// inputs.json ("non_strings") is JSON, or NaN, Infinity, -Infinity,
// undefined, or "(no argument)" for a call with none.
const net = require('net');
const path = require('path');
const fs = require('fs');
const { show } = require('../../trace');

const SPECIAL = { 'NaN': NaN, 'Infinity': Infinity, '-Infinity': -Infinity, 'undefined': undefined };
const inputs = JSON.parse(fs.readFileSync(path.join(__dirname, 'inputs.json'), 'utf8'));
for (const token of inputs.non_strings) {
  let args;
  if (token === '(no argument)') args = [];
  else if (token in SPECIAL) args = [SPECIAL[token]];
  else args = [JSON.parse(token)];
  show(token, net.isIP(...args), net.isIPv4(...args), net.isIPv6(...args));
}
