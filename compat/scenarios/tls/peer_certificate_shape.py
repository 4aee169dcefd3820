from compat.tls_case import run_case


def client(sock, log):
    cert = sock.getPeerCertificate()
    for k in ['subject', 'issuer', 'subjectaltname', 'valid_from', 'valid_to', 'fingerprint',
              'fingerprint256', 'fingerprint512', 'serialNumber', 'ca', 'bits', 'asn1Curve', 'nistCurve',
              'ext_key_usage']:
        log('cert', k, cert.get(k))
    log('raw', len(cert['raw']) > 100)
    detailed = sock.getPeerCertificate(True)
    log('issuer', detailed['issuerCertificate']['subject'],
        detailed['issuerCertificate']['issuerCertificate'] is detailed['issuerCertificate'])
    log('cipher', sock.getCipher())
    log('finished', len(sock.getFinished()), len(sock.getPeerFinished()))
    log('keying', len(sock.exportKeyingMaterial(16, 'label')))
    log('reused', sock.isSessionReused())
    sock.end()


run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem'}, {'ca': 'file:ca.pem'}, client_hook=client)
