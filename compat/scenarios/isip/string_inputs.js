// covers: isIP, isIPv4, isIPv6
'use strict';
// Node's answers for every string in inputs.json ("strings"), one line each.
const net = require('net');
const path = require('path');
const fs = require('fs');
const { show } = require('../../trace');

const inputs = JSON.parse(fs.readFileSync(path.join(__dirname, 'inputs.json'), 'utf8'));
for (const [group, strings] of Object.entries(inputs.strings)) {
  show('#', group);
  for (const s of strings) {
    show(JSON.stringify(s), net.isIP(s), net.isIPv4(s), net.isIPv6(s));
  }
}
