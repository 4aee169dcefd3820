"""A secure context's key and certificate, loaded apart as Node loads them
(gnet/tls/context.py, gnet/tls/_openssl/keys.py): OpenSSL's errors thrown
with Node's fields where the context is made, and the SNICallback's answer
read as Node reads it (gnet/tls/server.py)."""

import pathlib
import warnings

import gevent.event
import pytest

import gnet
import gnet.tls as tls
from compat import tls_certs
from gnet.tls.errors import OpenSSLError


@pytest.fixture
def certs():
    """The bytes of a file of the test certificates (compat/tls_certs.py)."""
    return lambda name: pathlib.Path(tls_certs.path(name)).read_bytes()


def listen(server):
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    return server.address()["port"]


def handshake(certs, server, **opts):
    """Connect to ``server``; the client's 'secureConnect' or 'error' and the
    server's 'tlsClientError', whichever come, once the client has closed."""
    seen = []
    closed = gevent.event.Event()
    server.on("tlsClientError", lambda err, sock: seen.append(("tlsClientError", err)))
    client = tls.connect(dict({"port": listen(server), "host": "127.0.0.1", "ca": certs("ca.pem")}, **opts))
    client.on("secureConnect", lambda: (seen.append(("secureConnect", client.authorized,
                                                     client.getPeerCertificate()["subject"]["CN"])),
                                        client.end()))
    client.on("error", lambda err: seen.append(("error", err)))
    client.on("close", lambda *_: closed.set())
    client.resume()
    assert closed.wait(10)
    server.close()
    return seen


@pytest.mark.parametrize("make", [tls.createSecureContext, tls.createServer, tls.create_server,
                                  lambda o: tls.createServer().setSecureContext(o)])
def test_a_key_that_is_no_pem_throws_openssls_error_where_the_context_is_made(certs, make):
    with pytest.raises(OpenSSLError) as info:
        make({"key": "bad", "cert": certs("server-cert.pem")})
    err = info.value
    assert err.code == "ERR_OSSL_UNSUPPORTED"
    assert str(err) == "error:1E08010C:DECODER routines::unsupported"
    assert (err.library, err.reason) == ("DECODER routines", "unsupported")


def test_the_certificate_is_loaded_before_the_key_so_its_error_wins(certs):
    with pytest.raises(OpenSSLError) as info:
        tls.createSecureContext({"key": "bad", "cert": "bad"})
    assert info.value.code == "ERR_OSSL_PEM_NO_START_LINE"


def test_a_key_of_another_certificate_is_a_key_values_mismatch(certs):
    with pytest.raises(OpenSSLError) as info:
        tls.connect({"port": 1, "key": certs("sni-key.pem"), "cert": certs("server-cert.pem")})
    assert info.value.code == "ERR_OSSL_X509_KEY_VALUES_MISMATCH"
    assert info.value.library == "x509 certificate routines"


def test_a_key_or_a_certificate_alone_is_taken(certs):
    tls.createSecureContext({"key": certs("server-key.pem")})
    tls.createSecureContext({"cert": certs("server-cert.pem")})


def test_a_wrong_passphrase_is_bad_decrypt_with_the_rest_of_the_queue(certs):
    for options in ({"key": certs("encrypted-key.pem"), "passphrase": "nope"},
                    {"key": certs("encrypted-key.pem")},
                    {"key": [{"pem": certs("encrypted-key.pem"), "passphrase": "nope"}]}):
        with pytest.raises(OpenSSLError) as info:
            tls.createSecureContext(dict(options, cert=certs("server-cert.pem")))
        err = info.value
        assert err.code == "ERR_OSSL_BAD_DECRYPT"
        assert str(err) == "error:1C800064:Provider routines::bad decrypt"
        assert isinstance(err.opensslErrorStack, list) and err.opensslErrorStack


def test_a_passphrase_that_is_not_a_string_is_err_invalid_arg_type(certs):
    with pytest.raises(TypeError) as info:
        tls.createSecureContext({"key": certs("encrypted-key.pem"), "passphrase": b"secret",
                                 "cert": certs("server-cert.pem")})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert "options.passphrase" in str(info.value)


def test_a_lone_pem_object_is_refused_but_one_in_an_array_is_taken(certs):
    item = {"pem": certs("encrypted-key.pem"), "passphrase": "secret"}
    with pytest.raises(TypeError) as info:
        tls.createSecureContext({"key": item, "cert": certs("server-cert.pem")})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    tls.createSecureContext({"key": [item], "cert": certs("server-cert.pem")})


def test_a_server_serves_with_a_decrypted_key(certs):
    server = tls.createServer({"key": [{"pem": certs("encrypted-key.pem"), "passphrase": "secret"}],
                               "cert": certs("server-cert.pem")}, lambda sock: sock.end())
    assert handshake(certs, server) == [("secureConnect", True, "localhost")]


def test_the_certificates_after_the_first_are_sent_as_its_chain(certs):
    # The client trusts the root only: the intermediate must come from the server.
    server = tls.createServer({"key": certs("partial-server-key.pem"), "cert": certs("partial-server-chain.pem")},
                              lambda sock: sock.end())
    assert handshake(certs, server) == [("secureConnect", True, "localhost")]


@pytest.mark.parametrize("answer", [lambda o: o, lambda o: [o], lambda o: b"x"])
def test_an_sni_answer_that_is_no_secure_context_fails_the_handshake(certs, answer):
    sni_options = {"key": certs("sni-key.pem"), "cert": certs("sni-cert.pem")}
    server = tls.createServer({"key": certs("server-key.pem"), "cert": certs("server-cert.pem"),
                               "SNICallback": lambda name, cb: cb(None, answer(sni_options))})
    seen = handshake(certs, server, servername="sni.example")
    # Each end hears its own (their order is the kernel's).
    assert sorted(event for event, _ in seen) == ["error", "tlsClientError"]
    errors = dict(seen)
    assert errors["error"].code == "ECONNRESET"
    assert isinstance(errors["tlsClientError"], TypeError)
    assert str(errors["tlsClientError"]) == "Invalid SNI context"
    assert getattr(errors["tlsClientError"], "code", None) is None


@pytest.mark.parametrize("answer", [lambda sc: sc.context, lambda sc: {"context": sc.context}])
def test_an_sni_answer_of_a_native_context_serves_it(certs, answer):
    sni = tls.createSecureContext({"key": certs("sni-key.pem"), "cert": certs("sni-cert.pem")})
    server = tls.createServer({"key": certs("server-key.pem"), "cert": certs("server-cert.pem"),
                               "SNICallback": lambda name, cb: cb(None, answer(sni))}, lambda sock: sock.end())
    assert handshake(certs, server, servername="sni.example") == [("secureConnect", True, "sni.example")]


@pytest.mark.parametrize("answer", ["x", 5, True])
def test_an_sni_answer_that_is_no_object_leaves_the_servers_context(certs, answer):
    server = tls.createServer({"key": certs("server-key.pem"), "cert": certs("server-cert.pem"),
                               "SNICallback": lambda name, cb: cb(None, answer)}, lambda sock: sock.end())
    seen = handshake(certs, server, servername="sni.example", checkServerIdentity=lambda *a: None)
    assert seen == [("secureConnect", True, "localhost")]


@pytest.mark.parametrize("name", [".example", "\u00e9.example", "127.0.0.1"])
def test_a_servername_is_sent_as_given(certs, name):
    # Python's own server_hostname refuses an empty label, IDNA-encodes the
    # rest and sends no IP address; Node sends the UTF-8 bytes, read back as latin-1.
    heard = []
    server = tls.createServer({"key": certs("server-key.pem"), "cert": certs("server-cert.pem"),
                               "SNICallback": lambda n, cb: (heard.append(n), cb(None, None))},
                              lambda sock: sock.end())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)     # DEP0123 for the IP, once per process
        seen = handshake(certs, server, servername=name, checkServerIdentity=lambda *a: None)
    assert seen == [("secureConnect", True, "localhost")]
    assert heard == [name.encode("utf-8").decode("latin-1")]
