// covers: addContext (Server), SNICallback (createServer)
// Which context SNI takes from addContext names, as Node's RegExp reads
// them: case-sensitive; '.', '+', '?', '[', ']' literal; '*' any run of
// non-dots; '(', ')', '|' a group and alternatives (a top-level '|' splits
// the anchors); of two names that match, the one added last wins.
const tls = require('tls');
const { X509Certificate } = require('crypto');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const names = ['server', 'sni', 'client', 'expired'];
const ders = names.map((n) => new X509Certificate(cert(n + '-cert.pem')).raw);
const ctx = (n) => ({ key: cert(n + '-key.pem'), cert: cert(n + '-cert.pem') });
const cases = [
  [[['Example.COM', 'sni']], 'example.com'],
  [[['Example.COM', 'sni']], 'Example.COM'],
  [[['*.example', 'sni']], 'a.example'],
  [[['*.example', 'sni']], 'A.EXAMPLE'],
  [[['*.example', 'sni']], 'x.y.example'],
  [[['(a|b).example', 'sni']], 'b.example'],
  [[['(a|b).example', 'sni']], '(a|b).example'],
  [[['a+.example', 'sni']], 'a+.example'],
  [[['a+.example', 'sni']], 'aa.example'],
  [[['a?.example', 'sni']], 'a?.example'],
  [[['a?.example', 'sni']], 'a.example'],
  [[['[ab].example', 'sni']], '[ab].example'],
  [[['[ab].example', 'sni']], 'a.example'],
  [[['a.example|b', 'sni']], 'zzb'],
  [[['a.example|b', 'sni']], 'a.example.zz'],
  [[['a.ex', 'sni']], 'a.example'],
  [[['a.example', 'sni']], 'aXexample'],
  [[['*.example', 'sni'], ['a.example', 'client']], 'a.example'],
  [[['*.example', 'sni'], ['a.example', 'client']], 'b.example'],
  [[['a.example', 'client'], ['*.example', 'sni']], 'a.example'],
  [[['a.example', 'client'], ['a.example', 'expired']], 'a.example'],
];

function run(i) {
  if (i === cases.length) return;
  const [added, servername] = cases[i];
  let seen = null;
  const server = tls.createServer(ctx('server'), (sock) => { seen = sock.servername; sock.end(); });
  for (const [name, which] of added) server.addContext(name, ctx(which));
  server.listen(0, '127.0.0.1', () => {
    const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', servername,
      rejectUnauthorized: false });
    sock.on('secureConnect', () => {
      const raw = sock.getPeerCertificate().raw;
      show(added.map((a) => a.join('=')), servername, names[ders.findIndex((d) => d.equals(raw))]);
    });
    sock.on('error', (err) => show(servername, 'client error', err));
    sock.on('close', () => { show('server saw', seen); server.close(); run(i + 1); });
    sock.resume();
  });
}

run(0);
