// covers: net.SocketAddress, socketaddress.address, ERR_INVALID_ADDRESS
'use strict';
// Which strings are addresses of each family (as libuv parses them), and the
// text `address` gives back for each (as inet_ntop writes it): addresses.json.
const net = require('net');
const fs = require('fs');
const path = require('path');
const { show } = require('../../trace');

const inputs = JSON.parse(fs.readFileSync(path.join(__dirname, 'addresses.json'), 'utf8'));
for (const [family, groups] of Object.entries(inputs)) {
  for (const [group, strings] of Object.entries(groups)) {
    show('#', family, group);
    for (const address of strings) {
      let result;
      try {
        result = new net.SocketAddress({ address, family }).address;
      } catch (e) {
        result = e.code;
      }
      show(JSON.stringify(address), result);
    }
  }
}
