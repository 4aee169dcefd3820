"""Details where gnet.tls answers as Node v20: a certificate's key facts, odd
``ciphers`` strings, ``dhparam``, a server's ``secureContext`` option,
``checkServerIdentity`` that is not a function; and compat/trace.py's
numbers, which every compat pair relies on.

What Node does is pinned by the compat pairs named in each test; these hold
what a gnet user sees, in Python's terms (exceptions, warnings, ``None``).
"""
import os
import shutil
import ssl
import subprocess
import warnings

import pytest

import gnet
import gnet.tls as tls
from compat.trace import fmt
from gnet.tls.certificate import certificate_dict
from gnet.tls.errors import SecurityWarning


def _der(pem):
    return ssl.PEM_cert_to_DER_cert(pem.decode("ascii"))


# --- getPeerCertificate (compat: tls/cert_key_facts_ec, cert_key_facts_rsa)

def test_ec_certificate_pubkey_is_the_uncompressed_point(certs):
    cert = certificate_dict(_der(certs("server-cert.pem")))
    assert cert["pubkey"][0] == 4 and len(cert["pubkey"]) == 65
    assert (cert["bits"], cert["asn1Curve"], cert["nistCurve"]) == (256, "prime256v1", "P-256")
    assert "modulus" not in cert and "exponent" not in cert


def test_rsa_certificate_pubkey_is_the_subject_public_key_info(certs):
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    der = _der(certs("rsa-server-cert.pem"))
    cert = certificate_dict(der)
    spki = x509.load_der_x509_certificate(der).public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    assert cert["pubkey"] == spki
    assert cert["bits"] == 2048 and cert["exponent"] == "0x10001"
    assert "asn1Curve" not in cert


def test_certificate_keys_come_in_nodes_order(certs):
    cert = certificate_dict(_der(certs("rsa-server-cert.pem")))
    keys = list(cert)
    assert keys.index("exponent") < keys.index("pubkey") < keys.index("valid_from")
    assert keys.index("fingerprint512") < keys.index("ext_key_usage") < keys.index("serialNumber")


# --- ciphers (compat: tls/ciphers_odd_strings)

@pytest.mark.parametrize("ciphers", [":", "::"])
def test_ciphers_naming_nothing_is_invalid_arg_value(ciphers):
    with pytest.raises(TypeError) as info:
        tls.createSecureContext(ciphers=ciphers)
    assert info.value.code == "ERR_INVALID_ARG_VALUE"
    assert "options.ciphers" in str(info.value)


def test_a_not_tls13_entry_goes_with_the_tls13_suites():
    with pytest.raises(Exception) as info:
        tls.createSecureContext(ciphers="HIGH:!TLS_AES_128_GCM_SHA256")
    assert info.value.code == "ERR_SSL_NO_CIPHER_MATCH"
    tls.createSecureContext(ciphers="TLS_AES_128_GCM_SHA256:!TLS_AES_256_GCM_SHA384")


def test_empty_ciphers_is_the_default_list():
    ctx = tls.createSecureContext(ciphers="").ssl_context(False)
    assert any(c["name"].startswith("ECDHE-") for c in ctx.get_ciphers())


# --- dhparam (compat: tls/dhparam_*)

def test_dhparam_auto_and_unreadable_ones_are_accepted(certs):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for value in ("auto", "AUTO", "garbage", b"garbage", "", certs("ca.pem"), certs("dh2048.pem")):
            tls.createSecureContext(dhparam=value)


def test_dhparam_under_1024_bits_is_invalid_arg_value(certs):
    with pytest.raises(TypeError) as info:
        tls.createSecureContext(dhparam=certs("dh512.pem"))
    assert info.value.code == "ERR_INVALID_ARG_VALUE"
    assert str(info.value) == "DH parameter is less than 1024 bits"


def test_dhparam_under_2048_bits_warns_once(certs):
    with warnings.catch_warnings(record=True) as issued:
        warnings.simplefilter("always")
        context = tls.createSecureContext(dhparam=certs("dh1024.pem"))
        context.ssl_context(True)       # the server side's context warns no more
    found = [w for w in issued if issubclass(w.category, SecurityWarning)]
    assert [str(w.message) for w in found] == ["DH parameter is less than 2048 bits"]
    assert found[0].filename == __file__


@pytest.mark.parametrize("value", [5, False, True])
def test_dhparam_of_another_type_is_invalid_arg_type(value):
    with pytest.raises(TypeError) as info:
        tls.createSecureContext(dhparam=value)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


def test_dhparam_auto_serves_dhe(certs):
    server = tls.createServer({"key": certs("rsa-server-key.pem"), "cert": certs("rsa-server-cert.pem"),
                               "dhparam": "auto", "maxVersion": "TLSv1.2"}, lambda sock: sock.end())
    seen = []

    def listening():
        sock = tls.connect(port=server.address()["port"], host="127.0.0.1", rejectUnauthorized=False,
                           ciphers="DHE-RSA-AES128-GCM-SHA256", maxVersion="TLSv1.2")
        sock.on("secureConnect", lambda: (seen.append(sock.getEphemeralKeyInfo()), sock.end()))
        sock.on("close", lambda: server.close())
    server.listen(0, "127.0.0.1", listening)
    gnet.run()
    assert seen == [{"type": "DH", "size": 2048}]


# --- a server's secureContext option (compat: tls/server_ignores_secure_context_option)

def test_server_does_not_read_a_secure_context_option(certs):
    context = tls.createSecureContext(key=certs("server-key.pem"), cert=certs("server-cert.pem"))
    tls.createServer({"secureContext": 5})
    server = tls.createServer({"secureContext": context})
    errors = []
    server.on("tlsClientError", lambda err, sock: errors.append(err.code))

    def listening():
        sock = tls.connect(port=server.address()["port"], host="127.0.0.1", rejectUnauthorized=False)
        sock.on("error", lambda err: None)
        sock.on("close", lambda: server.close())
    server.listen(0, "127.0.0.1", listening)
    gnet.run()
    assert errors == ["ERR_SSL_NO_SUITABLE_SIGNATURE_ALGORITHM"]


# --- checkServerIdentity (compat: tls/check_server_identity_not_a_function)

@pytest.mark.parametrize("value", [5, "x", None])
def test_check_server_identity_given_as_no_function_is_an_internal_assertion(value):
    for call in (lambda: tls.connect({"port": 1, "checkServerIdentity": value}),
                 lambda: tls.connect(port=1, check_server_identity=value)):
        with pytest.raises(gnet.NodeError) as info:
            call()
        assert info.value.code == "ERR_INTERNAL_ASSERTION"


# --- compat/trace.py numbers

NUMBERS = [1e21, 10 ** 21, 123456789012345678901, 2 ** 53, 2 ** 53 + 1, 2 ** 70, 10 ** 400, -10 ** 400,
           1e-7, 1.5e-7, 1e-6, 1.5e-5, 0.1, 0.5, 100, 100.0, 1e20, 9.999999999999999e20, 123e-20, 5e-324,
           1.7976931348623157e308, -1e21, -1.5e-10, -0.0, 0, float("nan"), float("inf"), float("-inf")]


def _js_literal(value):
    if isinstance(value, int):
        return "Number(%dn)" % value
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "-Infinity" if value < 0 else "Infinity"
    return "-0" if value == 0 and str(value).startswith("-") else repr(value)


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_trace_prints_numbers_as_trace_js():
    trace_js = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "compat", "trace.js")
    script = "const {fmt} = require(%r);\n" % trace_js + "".join(
        "console.log(fmt(%s));\n" % _js_literal(v) for v in NUMBERS)
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout.splitlines()
    assert [fmt(v) for v in NUMBERS] == out
