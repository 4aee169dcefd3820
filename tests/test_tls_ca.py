"""``ca`` as Node's configSecureContext reads it: what a context trusts, what
a server names to clients as acceptable issuers. What a client makes of each
kind of item is in compat (tls/ca_option_bad_items); here is what the trace
cannot show: whose store a context uses and how many certificates it holds.
"""
import shutil

import gevent.subprocess
import pytest

import gnet.tls as tls
from gnet.tls import _openssl
from gnet.tls._openssl import _core
from tlshelpers import listen


def store_of(secure_context):
    return _core.lib.SSL_CTX_get_cert_store(_core.ctx_of(secure_context.context))


def trusted(secure_context):
    return secure_context.context.cert_store_stats()["x509_ca"]


def corrupt(pem):
    """``pem`` with a line of its base64 body made undecodable."""
    lines = pem.split(b"\n")
    lines[4] = b"!" * len(lines[4])
    return b"\n".join(lines)


@pytest.mark.skipif(_openssl.root_context() is None, reason="no system CA file or directory to share")
@pytest.mark.parametrize("ca", ["", False, 0, float("nan"), None], ids=repr)
def test_a_falsy_ca_keeps_the_shared_system_roots(ca):
    # Node: `if (ca)`; otherwise addRootCerts().
    assert store_of(tls.createSecureContext({"ca": ca})) == store_of(tls.createSecureContext())


@pytest.mark.parametrize("ca", [b"", [], "bad", bytes(16), [b"", "x"]], ids=repr)
def test_a_truthy_ca_without_a_certificate_trusts_nothing_not_even_the_roots(ca):
    ctx = tls.createSecureContext({"ca": ca})
    assert trusted(ctx) == 0
    assert store_of(ctx) != store_of(tls.createSecureContext())


def test_a_der_ca_is_not_read(certs):
    der = tls.createSecureContext({"ca": certs("ca.pem")}).context.get_ca_certs(binary_form=True)[0]
    assert trusted(tls.createSecureContext({"ca": der})) == 0
    assert trusted(tls.createSecureContext({"ca": [der, certs("ca.pem")]})) == 1


def test_every_certificate_of_an_item_is_read_up_to_one_that_does_not_decode(certs):
    ca, other = certs("ca.pem"), certs("other-ca.pem")
    assert trusted(tls.createSecureContext({"ca": b"junk\n" + other + b"junk\n" + ca})) == 2
    assert trusted(tls.createSecureContext({"ca": ca + corrupt(other) + ca})) == 1
    assert trusted(tls.createSecureContext({"ca": corrupt(other) + ca})) == 0
    # Each item is read apart: a bad one stops only itself.
    assert trusted(tls.createSecureContext({"ca": [corrupt(other) + ca, other, ca + ca]})) == 2


def test_a_ca_given_to_one_context_leaves_the_shared_roots_alone(certs):
    before = trusted(tls.createSecureContext())
    tls.createSecureContext({"ca": [certs("ca.pem"), "bad"]})
    assert trusted(tls.createSecureContext()) == before


@pytest.mark.parametrize("ca", [5, {}, [b"", None], ["bad", True]], ids=repr)
def test_an_item_neither_string_nor_buffer_is_err_invalid_arg_type(ca):
    with pytest.raises(TypeError) as info:
        tls.createSecureContext({"ca": ca})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value).startswith('The "options.ca" property must be of type string or an instance of '
                                      'Buffer, TypedArray, or DataView. Received ')


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_a_server_names_its_ca_certificates_as_acceptable_client_issuers(certs, server_opts):
    # Node's addCACert also calls SSL_CTX_add_client_CA: a server asking for
    # a client certificate lists the CAs it trusts (a key or junk between
    # them is passed over, an item without any adds none).
    server = tls.createServer(dict(server_opts, ca=[certs("other-ca.pem") + certs("server-key.pem") + certs("ca.pem"),
                                                     "bad"],
                                   requestCert=True, rejectUnauthorized=False),
                              lambda sock: sock.end())
    port = listen(server)
    try:
        out = gevent.subprocess.run(["openssl", "s_client", "-connect", "127.0.0.1:%d" % port],
                                    stdin=gevent.subprocess.DEVNULL, stdout=gevent.subprocess.PIPE,
                                    stderr=gevent.subprocess.STDOUT, timeout=20).stdout.decode()
    finally:
        server.close()
    names = out.split("Acceptable client certificate CA names\n", 1)[1].split("Requested Signature", 1)[0]
    assert [line.split(",")[0] for line in names.splitlines()] == ["O = gnet other CA", "O = gnet test CA"]
