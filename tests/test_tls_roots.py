"""The system's root certificates: read once, one store shared by every
context that trusts them (as Node's contexts share theirs), and a context
that adds to its store gets a store of its own first.

Before, each context parsed the system's CA file again (about 20 ms and
0.85 MB per createSecureContext, against Node's 0.25 ms and 0.04 MB), and a
server whose certificate came without its chain listed the certificate
directory at every handshake (gnet/tls/_openssl/roots.py).
"""
import os
import subprocess
import sys

import pytest

import gnet.tls as tls
from gnet.tls import _openssl
from gnet.tls._openssl import _core
from tlshelpers import listen, run_until

pytestmark = pytest.mark.skipif(_openssl.root_context() is None,
                                reason="no system CA file or directory to share")


def store_of(ssl_context):
    return _core.lib.SSL_CTX_get_cert_store(_core.ctx_of(ssl_context))


def test_contexts_without_ca_share_one_store_of_the_system_roots():
    a, b = tls.createSecureContext(), tls.createSecureContext({"minVersion": "TLSv1.3"})
    roots = _openssl.root_context().cert_store_stats()["x509_ca"]
    assert roots > 0
    for ctx in (a.context, b.context, a.ssl_context(True)):
        assert store_of(ctx) == store_of(a.context)
        assert ctx.cert_store_stats()["x509_ca"] == roots
    assert len(tls.rootCertificates) == roots


def test_a_context_with_ca_trusts_only_its_ca(certs):
    ctx = tls.createSecureContext({"ca": certs("ca.pem")})
    assert store_of(ctx.context) != store_of(tls.createSecureContext().context)
    assert ctx.context.cert_store_stats()["x509_ca"] == 1


def connect(port, secure_context):
    """'secureConnect' with this context: (authorized, authorizationError)."""
    client = tls.connect({"port": port, "host": "127.0.0.1", "servername": "localhost",
                          "secureContext": secure_context, "rejectUnauthorized": False})
    run_until(client, "secureConnect")
    result = (client.authorized, client.authorizationError)
    client.destroy()
    return result


def test_a_ca_loaded_into_one_context_is_trusted_by_that_context_alone(certs, server_opts):
    mine, other = tls.createSecureContext(), tls.createSecureContext()
    roots = other.context.cert_store_stats()["x509_ca"]
    mine.context.load_verify_locations(cadata=certs("ca.pem").decode())
    assert mine.context.cert_store_stats()["x509_ca"] == roots + 1
    assert other.context.cert_store_stats()["x509_ca"] == roots
    assert tls.createSecureContext().context.cert_store_stats()["x509_ca"] == roots

    server = tls.createServer(server_opts, lambda c: c.end())
    port = listen(server)
    try:
        assert connect(port, mine) == (True, None)
        assert connect(port, other) == (False, "UNABLE_TO_VERIFY_LEAF_SIGNATURE")
    finally:
        server.close()


def test_a_crl_goes_into_a_store_of_its_own_with_the_roots(certs):
    with_crl = tls.createSecureContext({"crl": certs("crl.pem")})
    plain = tls.createSecureContext()
    stats = with_crl.context.cert_store_stats()
    assert stats["crl"] == 1
    assert stats["x509_ca"] == plain.context.cert_store_stats()["x509_ca"]
    assert plain.context.cert_store_stats()["crl"] == 0
    assert store_of(with_crl.context) != store_of(plain.context)


def test_ssl_cert_file_and_dir_name_the_system_roots(certs, tmp_path):
    # OpenSSL's own variables, read when the shared store is made: one CA.
    env = dict(os.environ, SSL_CERT_FILE=certs.path("ca.pem"), SSL_CERT_DIR=str(tmp_path))
    script = ("import gnet.tls as tls; "
              "print(len(tls.rootCertificates), tls.createSecureContext().context.cert_store_stats()['x509_ca'])")
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["1", "1"]
