// covers: isIP, isIPv4, isIPv6
'use strict';
// Node's answers for very long strings, built from the specs in inputs.json
// ("long"): prefix + repeat * times + suffix; each line shows the spec.
const net = require('net');
const path = require('path');
const fs = require('fs');
const { show } = require('../../trace');

const inputs = JSON.parse(fs.readFileSync(path.join(__dirname, 'inputs.json'), 'utf8'));
for (const spec of inputs.long) {
  const s = (spec.prefix || '') + spec.repeat.repeat(spec.times) + (spec.suffix || '');
  show(JSON.stringify(spec), s.length, net.isIP(s), net.isIPv4(s), net.isIPv6(s));
}
