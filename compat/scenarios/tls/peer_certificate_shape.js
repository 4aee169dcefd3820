// covers: TLSSocket.getPeerCertificate, TLSSocket.getCipher, TLSSocket.getProtocol, TLSSocket.getFinished, TLSSocket.exportKeyingMaterial, TLSSocket.isSessionReused
const { runCase } = require('../../tls_case');
const { show } = require('../../trace');

runCase({key: 'file:server-key.pem', cert: 'file:server-cert.pem'}, {ca: 'file:ca.pem'}, {
  client(sock, log) {
    const cert = sock.getPeerCertificate();
    for (const k of ['subject', 'issuer', 'subjectaltname', 'valid_from', 'valid_to', 'fingerprint',
      'fingerprint256', 'fingerprint512', 'serialNumber', 'ca', 'bits', 'asn1Curve', 'nistCurve', 'ext_key_usage']) {
      log('cert', k, cert[k]);
    }
    log('raw', cert.raw.length > 100);
    const detailed = sock.getPeerCertificate(true);
    log('issuer', detailed.issuerCertificate.subject, detailed.issuerCertificate.issuerCertificate === detailed.issuerCertificate);
    log('cipher', sock.getCipher());
    log('finished', sock.getFinished().length, sock.getPeerFinished().length);
    log('keying', sock.exportKeyingMaterial(16, 'label').length);
    log('reused', sock.isSessionReused());
    sock.end();
  },
});
