"""gnet.tls options Node v20 has beyond the common ones: ``secureProtocol``,
``minDHSize``, ``ALPNCallback``, the OpenSSL engine options and
``allowPartialTrustChain``.

What Node does with each is pinned by the compat pairs in
compat/scenarios/tls/opts_*; these tests hold the behaviours a gnet user
sees, in Python's terms (keyword spellings, exceptions, ``None``). The engine
tests that need an engine able to load keys build one (a few lines of C) when
a C compiler and OpenSSL's headers are there, and are skipped otherwise.
"""
import math
import os
import shutil
import ssl
import subprocess

import gevent.event
import pytest

import gnet
import gnet.tls as tls
from tlshelpers import listen, run_until
from gnet.tls import _openssl


@pytest.fixture
def dhe_server_opts(certs):
    """A server that can only use DHE (TLS 1.2, DHE-RSA, the 2048-bit ffdhe2048 group)."""
    return {"key": certs("rsa-server-key.pem"), "cert": certs("rsa-server-cert.pem"), "dhparam": certs("dh2048.pem"),
            "ciphers": "DHE-RSA-AES128-GCM-SHA256", "maxVersion": "TLSv1.2"}


def handshake(server_opts, client_opts, trace=None):
    """One connection: the client's and the server's events as ``trace``
    records them, once both sockets are closed. Returns (client, server socket or None)."""
    trace = trace if trace is not None else []
    accepted = []

    def on_secure(sock):
        trace.append(("server secureConnection", sock.getProtocol(), sock.alpnProtocol))
        sock.resume()

    server = tls.createServer(server_opts, on_secure)
    server.on("tlsClientError", lambda err, sock: trace.append(("server tlsClientError", err)))
    closed = gevent.event.Event()
    server.on("connection", lambda sock: (accepted.append(sock),
                                          sock.on("close", lambda *_: closed.set())))
    port = listen(server)
    client = tls.connect(dict({"port": port, "host": "127.0.0.1"}, **client_opts))
    client.on("connect", lambda: trace.append("client connect"))
    client.on("secureConnect", lambda: (trace.append(("client secureConnect", client.getProtocol(),
                                                      client.alpnProtocol)), client.end()))
    client.on("error", lambda err: trace.append(("client error", err)))
    client.on("close", lambda had_error: trace.append(("client close", had_error)))
    run_until(client, "close")
    assert closed.wait(10), "the server's socket did not close"
    server.close()
    return client, (accepted[0] if accepted else None)


# ----------------------------------------------------------------------
# secureProtocol

def test_secure_protocol_pins_tls12_where_both_ends_would_agree_on_tls13(certs, server_opts):
    trace = []
    handshake(dict(server_opts, secureProtocol="TLSv1_2_method"), {"ca": certs("ca.pem")}, trace)
    assert ("client secureConnect", "TLSv1.2", False) in trace
    assert ("server secureConnection", "TLSv1.2", False) in trace


def test_secure_protocol_in_pep8_spelling_and_sslv23_leaving_tls13_out(certs, server_opts):
    server = tls.createServer(server_opts, lambda sock: sock.end())
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", ca=certs("ca.pem"), secure_protocol="SSLv23_client_method")
    protocols = []
    client.on("secureConnect", lambda: protocols.append(client.getProtocol()))
    run_until(client, "close")
    server.close()
    assert protocols == ["TLSv1.2"]


@pytest.mark.parametrize("name, message", [
    ("SSLv2_method", "SSLv2 methods disabled"),
    ("SSLv3_client_method", "SSLv3 methods disabled"),
    ("TLSv1_3_method", "Unknown method: TLSv1_3_method"),
    ("", "Unknown method: "),
])
def test_secure_protocol_names_node_does_not_take_are_type_errors(name, message):
    for make in (lambda: tls.createSecureContext(secureProtocol=name),
                 lambda: tls.connect({"port": 1, "secureProtocol": name})):
        with pytest.raises(TypeError) as info:
            make()
        assert info.value.code == "ERR_TLS_INVALID_PROTOCOL_METHOD"
        assert str(info.value) == message


def test_secure_protocol_beside_a_version_conflicts_with_it():
    with pytest.raises(TypeError) as info:
        tls.createSecureContext({"secureProtocol": "TLS_method", "maxVersion": "TLSv1.2"})
    assert info.value.code == "ERR_TLS_PROTOCOL_VERSION_CONFLICT"
    assert str(info.value) == 'TLS protocol version "TLSv1.2" conflicts with secureProtocol "TLS_method"'
    # Node's check is on a truthy secureProtocol: one that is not a string
    # conflicts too, and is otherwise ignored.
    with pytest.raises(TypeError, match="conflicts with secureProtocol 5"):
        tls.createSecureContext({"secureProtocol": 5, "minVersion": "TLSv1.2"})
    assert tls.createSecureContext({"secureProtocol": 5}).context.maximum_version == ssl.TLSVersion.TLSv1_3


def test_a_tls_server_leaves_out_a_falsy_secure_protocol_or_version():
    tls.createServer({"secureProtocol": "", "minVersion": ""})
    with pytest.raises(TypeError, match="Unknown method: "):
        tls.TLSSocket(None, {"secureProtocol": ""})


def test_a_server_only_method_on_a_client_fails_after_connect(certs, server_opts):
    trace = []
    handshake(server_opts, {"ca": certs("ca.pem"), "secureProtocol": "TLSv1_2_server_method"}, trace)
    client_events = [t for t in trace if (t if isinstance(t, str) else t[0]).startswith("client")]
    assert [t if isinstance(t, str) else t[0] for t in client_events] == ["client connect", "client error",
                                                                         "client close"]
    assert client_events[1][1].code == "ERR_SSL_CALLED_A_FUNCTION_YOU_SHOULD_NOT_CALL"
    assert client_events[2] == ("client close", True)
    # The server saw a connection end before any hello: Node's "socket hang up".
    assert [t[1].code for t in trace if t[0] == "server tlsClientError"] == ["ECONNRESET"]


def test_a_client_only_method_on_a_server_is_its_tls_client_error(certs, server_opts):
    trace = []
    handshake(dict(server_opts, secureProtocol="TLS_client_method"), {"ca": certs("ca.pem")}, trace)
    assert [t[1].code for t in trace if t[0] == "server tlsClientError"] == [
        "ERR_SSL_CALLED_A_FUNCTION_YOU_SHOULD_NOT_CALL"]
    assert [t[1].code for t in trace if t[0] == "client error"] == ["ECONNRESET"]


# ----------------------------------------------------------------------
# minDHSize

def test_a_dh_group_smaller_than_min_dh_size_is_an_error_then_a_quiet_close(certs, dhe_server_opts):
    trace = []
    seen = {}
    server_sock_events = []

    def client_opts_hook(client):
        client.on("error", lambda err: seen.setdefault("key", client.getEphemeralKeyInfo()))

    server = tls.createServer(dhe_server_opts, lambda sock: (sock.on("end", lambda: server_sock_events.append("end")),
                                                             sock.resume()))
    port = listen(server)
    checked = []
    client = tls.connect(port, "127.0.0.1", ca=certs("ca.pem"), min_dhsize=2049, rejectUnauthorized=False,
                         checkServerIdentity=lambda *a: checked.append(a))
    client_opts_hook(client)
    client.on("secureConnect", lambda: trace.append("secureConnect"))
    client.on("error", lambda err: trace.append(("error", err.code, str(err), client.destroyed)))
    client.on("close", lambda had_error: trace.append(("close", had_error)))
    run_until(client, "close")
    server.close()
    # Node's message names 2048 whatever minDHSize was; the socket is not yet
    # destroyed when 'error' comes, and closes without an error of its own.
    assert trace == [("error", "ERR_TLS_DH_PARAM_SIZE", "DH parameter size 2048 is less than 2048", False),
                     ("close", False)]
    assert seen["key"] == {"type": "DH", "size": 2048}
    assert checked == []        # the DH check comes before the certificate's


def test_min_dh_size_equal_to_the_group_is_enough(certs, dhe_server_opts):
    server = tls.createServer(dhe_server_opts, lambda sock: sock.end())
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", ca=certs("ca.pem"), minDHSize=2048)
    seen = []
    client.on("secureConnect", lambda: seen.append((client.getCipher()["name"], client.getEphemeralKeyInfo())))
    client.on("error", seen.append)
    run_until(client, "close")
    server.close()
    assert seen == [("DHE-RSA-AES128-GCM-SHA256", {"type": "DH", "size": 2048})]


@pytest.mark.parametrize("value, message", [
    (None, "options.minDHSize is not a number: undefined"),
    ("2048", "options.minDHSize is not a number: 2048"),
    (True, "options.minDHSize is not a number: true"),
    (0, "options.minDHSize is not a positive number: 0"),
    (-1.5, "options.minDHSize is not a positive number: -1.5"),
    (math.nan, "options.minDHSize is not a positive number: NaN"),
])
def test_min_dh_size_is_asserted_a_number_above_zero(value, message):
    with pytest.raises(gnet.NodeError) as info:
        tls.connect(port=1, minDHSize=value)
    assert info.value.code == "ERR_INTERNAL_ASSERTION"
    assert str(info.value).startswith(message + "\nThis is caused by either a bug in Node.js")


def test_min_dh_size_left_out_is_1024_and_only_tls_connect_reads_it():
    sock = tls.connect({"port": 1, "minDHSize": 0.5})
    sock.on("error", lambda err: None)
    sock.destroy()
    tls.createSecureContext({"minDHSize": "x"})
    tls.TLSSocket(None, {"minDHSize": "x"})


# ----------------------------------------------------------------------
# ALPNCallback

def test_alpn_callback_chooses_among_the_clients_protocols(certs, server_opts):
    calls = []

    def choose(info):
        calls.append(info)
        return info["protocols"][1]

    trace = []
    handshake(dict(server_opts, ALPNCallback=choose), {"ca": certs("ca.pem"), "ALPNProtocols": ["h2", "x-gnet"],
                                                       "servername": "localhost"}, trace)
    assert calls == [{"servername": "localhost", "protocols": ["h2", "x-gnet"]}]
    assert ("client secureConnect", "TLSv1.3", "x-gnet") in trace
    assert ("server secureConnection", "TLSv1.3", "x-gnet") in trace


def test_alpn_callback_returning_none_refuses_with_a_fatal_alert(certs, server_opts):
    trace = []
    handshake(dict(server_opts, ALPNCallback=lambda: None), {"ca": certs("ca.pem"), "ALPNProtocols": ["a"]}, trace)
    assert [t[1].code for t in trace if t[0] == "server tlsClientError"] == ["ERR_SSL_NO_APPLICATION_PROTOCOL"]
    assert [t[1].code for t in trace if t[0] == "client error"] == ["ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL"]


def test_alpn_callback_result_not_offered_destroys_the_socket_without_an_alert(certs, server_opts):
    trace = []
    handshake(dict(server_opts, ALPNCallback=lambda info: "h3"), {"ca": certs("ca.pem"), "ALPNProtocols": ["a", "b"]},
              trace)
    [err] = [t[1] for t in trace if t[0] == "server tlsClientError"]
    assert isinstance(err, TypeError) and err.code == "ERR_TLS_ALPN_CALLBACK_INVALID_RESULT"
    assert str(err) == ("ALPN callback returned a value (h3) that did not match any of the client's "
                        "offered protocols (a, b)")
    # No alert went out: the client saw the connection end before its handshake.
    assert [t[1].code for t in trace if t[0] == "client error"] == ["ECONNRESET"]


def test_an_exception_in_alpn_callback_is_the_servers_tls_client_error(certs, server_opts):
    boom = ValueError("boom")

    def choose(info):
        raise boom

    trace = []
    handshake(dict(server_opts, ALPNCallback=choose), {"ca": certs("ca.pem"), "ALPNProtocols": ["a"]}, trace)
    assert [t[1] for t in trace if t[0] == "server tlsClientError"] == [boom]


def test_alpn_callback_beside_alpn_protocols_is_refused():
    with pytest.raises(TypeError) as info:
        tls.createServer({"ALPNCallback": lambda info: "a", "ALPNProtocols": []})
    assert info.value.code == "ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS"
    with pytest.raises(TypeError, match="options.ALPNCallback"):
        tls.TLSSocket(None, {"isServer": True, "ALPNCallback": 5})


def test_server_alpn_callback_is_read_and_checked_as_each_connection_comes(certs, server_opts):
    server = tls.createServer(server_opts, lambda sock: sock.end())
    server.ALPNCallback = lambda info: "b"
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", ca=certs("ca.pem"), ALPNProtocols=["a", "b"])
    run_until(client, "secureConnect")
    assert client.alpnProtocol == "b"
    client.destroy()

    uncaught = []
    gnet.setUncaughtExceptionCaptureCallback(uncaught.append)
    try:
        server.ALPNCallback = 5
        connections = []
        server.on("connection", connections.append)
        client = tls.connect(port, "127.0.0.1", ca=certs("ca.pem"))
        client.on("error", lambda err: None)
        run_until(client, "close")
    finally:
        gnet.setUncaughtExceptionCaptureCallback(None)
    server.close()
    assert [err.code for err in uncaught] == ["ERR_INVALID_ARG_TYPE"]
    assert connections == []


# ----------------------------------------------------------------------
# engines

def test_an_engine_openssl_cannot_find_is_nodes_error_of_the_whole_queue():
    with pytest.raises(Exception) as info:
        tls.createSecureContext(privateKeyEngine="gnet-no-such-engine", privateKeyIdentifier="x")
    err = info.value
    assert getattr(err, "code", None) is None
    assert str(err) == "error:12800067:DSO support routines::could not load the shared library"
    assert "error:13000074:engine routines::no such engine" in err.opensslErrorStack
    with pytest.raises(Exception, match="could not load the shared library"):
        tls.createSecureContext(clientCertEngine="gnet-no-such-engine")


def test_engine_options_are_checked_as_node_checks_them(certs):
    tls.createSecureContext(privateKeyEngine="gnet-no-such-engine")     # an engine alone is not looked at
    cases = [
        ({"privateKeyIdentifier": "x"}, "ERR_INVALID_ARG_VALUE", "options.privateKeyEngine"),
        ({"privateKeyIdentifier": "x", "privateKeyEngine": "e", "key": certs("server-key.pem")},
         "ERR_INVALID_ARG_VALUE", "options.privateKeyIdentifier"),
        ({"privateKeyIdentifier": 5, "privateKeyEngine": "e"}, "ERR_INVALID_ARG_TYPE", "options.privateKeyIdentifier"),
        ({"privateKeyIdentifier": "x", "privateKeyEngine": 5}, "ERR_INVALID_ARG_TYPE", "options.privateKeyEngine"),
        ({"clientCertEngine": 5}, "ERR_INVALID_ARG_TYPE", "options.clientCertEngine"),
    ]
    for opts, code, name in cases:
        with pytest.raises(TypeError) as info:
            tls.createSecureContext(opts)
        assert info.value.code == code and name in str(info.value)


def test_the_dynamic_engine_loaded_with_nothing_does_not_initialise():
    with pytest.raises(Exception) as info:
        tls.createSecureContext(privateKeyEngine="dynamic", privateKeyIdentifier="x")
    assert (info.value.code, str(info.value)) == ("ERR_CRYPTO_OPERATION_FAILED", "Failure to initialize engine")
    with pytest.raises(Exception) as info:
        tls.createSecureContext(clientCertEngine="dynamic")
    assert info.value.code == "ERR_SSL_ENGINE_LIB"


_TEST_ENGINE = r"""
#include <stdio.h>
#include <stdlib.h>
#include <openssl/engine.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

/* A key identifier is the path of a PEM key; the client certificate and key
   are the files GNET_TEST_ENGINE_CERT and GNET_TEST_ENGINE_KEY name. */
static EVP_PKEY *read_key(const char *path) {
    FILE *f = path ? fopen(path, "r") : NULL;
    EVP_PKEY *key = NULL;
    if (f) { key = PEM_read_PrivateKey(f, NULL, NULL, NULL); fclose(f); }
    return key;
}

static EVP_PKEY *load_key(ENGINE *e, const char *key_id, UI_METHOD *ui, void *data) {
    return read_key(key_id);
}

static int client_cert(ENGINE *e, SSL *ssl, STACK_OF(X509_NAME) *ca_dn, X509 **pcert, EVP_PKEY **pkey,
                       STACK_OF(X509) **pother, UI_METHOD *ui, void *data) {
    const char *path = getenv("GNET_TEST_ENGINE_CERT");
    FILE *f = path ? fopen(path, "r") : NULL;
    if (!f) return 0;
    *pcert = PEM_read_X509(f, NULL, NULL, NULL);
    fclose(f);
    *pkey = read_key(getenv("GNET_TEST_ENGINE_KEY"));
    return *pcert != NULL && *pkey != NULL;
}

static int bind(ENGINE *e, const char *id) {
    return ENGINE_set_id(e, "gnet-test") && ENGINE_set_name(e, "gnet test engine")
        && ENGINE_set_load_privkey_function(e, load_key)
        && ENGINE_set_load_ssl_client_cert_function(e, client_cert);
}

IMPLEMENT_DYNAMIC_BIND_FN(bind)
IMPLEMENT_DYNAMIC_CHECK_FN()
"""


@pytest.fixture(scope="session")
def test_engine(tmp_path_factory, certs):
    """The id of an engine (``gnet-test``) that loads keys from PEM files: built
    into a directory named by ``OPENSSL_ENGINES``, where OpenSSL looks an
    engine id up (OpenSSL 3 cannot load the same engine file twice by path,
    so the id is what a program names after the first use, in Node too)."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None or not _openssl.engines_available:
        pytest.skip("no C compiler, or an OpenSSL without engines")
    folder = tmp_path_factory.mktemp("engines")
    source = folder / "gnet-test.c"
    source.write_text(_TEST_ENGINE)
    built = subprocess.run([compiler, "-shared", "-fPIC", "-Wno-deprecated-declarations", "-o",
                            str(folder / "gnet-test.so"), str(source), "-lssl", "-lcrypto"],
                           capture_output=True, text=True)
    if built.returncode:
        pytest.skip("the test engine does not build here: %s" % built.stderr.strip()[-300:])
    saved = {name: os.environ.get(name) for name in ("OPENSSL_ENGINES", "GNET_TEST_ENGINE_CERT",
                                                     "GNET_TEST_ENGINE_KEY")}
    os.environ["OPENSSL_ENGINES"] = str(folder)
    os.environ["GNET_TEST_ENGINE_CERT"] = certs.path("client-cert.pem")
    os.environ["GNET_TEST_ENGINE_KEY"] = certs.path("client-key.pem")
    yield "gnet-test"
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def test_a_server_key_from_an_engine_and_a_client_certificate_from_another(certs, test_engine):
    seen = []

    def on_secure(sock):
        seen.append((sock.authorized, sock.getPeerCertificate()["subject"]["CN"]))
        sock.end()

    server = tls.createServer({"cert": certs("server-cert.pem"), "privateKeyEngine": test_engine,
                               "privateKeyIdentifier": certs.path("server-key.pem"), "requestCert": True,
                               "ca": certs("ca.pem")}, on_secure)
    port = listen(server)
    client = tls.connect(port, "localhost", ca=certs("ca.pem"), client_cert_engine=test_engine)
    run_until(client, "secureConnect")
    assert client.authorized
    run_until(client, "close")
    server.close()
    assert seen == [(True, "gnet test client")]


def test_an_identifier_the_engine_cannot_load_is_its_error(certs, test_engine):
    with pytest.raises(Exception) as info:
        tls.createSecureContext(privateKeyEngine=test_engine, privateKeyIdentifier="/nonexistent/key.pem")
    err = info.value
    assert (err.code, err.library, err.reason) == ("ERR_OSSL_ENGINE_FAILED_LOADING_PRIVATE_KEY", "engine routines",
                                                   "failed loading private key")


# ----------------------------------------------------------------------
# allowPartialTrustChain

@pytest.mark.parametrize("allow, authorized, error", [
    (None, False, "UNABLE_TO_GET_ISSUER_CERT"),
    (0, False, "UNABLE_TO_GET_ISSUER_CERT"),
    (True, True, None),
    ("yes", True, None),
])
def test_allow_partial_trust_chain_lets_a_trusted_intermediate_be_enough(certs, allow, authorized, error):
    server = tls.createServer({"key": certs("partial-server-key.pem"), "cert": certs("partial-server-chain.pem")},
                              lambda sock: sock.end())
    port = listen(server)
    opts = {"ca": certs("intermediate-ca.pem"), "rejectUnauthorized": False}
    if allow is not None:
        opts["allow_partial_trust_chain"] = allow
    client = tls.connect(port, "127.0.0.1", opts)
    run_until(client, "secureConnect")
    assert (client.authorized, client.authorizationError) == (authorized, error)
    client.destroy()
    server.close()


def test_a_tls_server_does_not_hand_allow_partial_trust_chain_to_its_context(certs):
    seen = []
    server = tls.createServer({"key": certs("server-key.pem"), "cert": certs("server-cert.pem"),
                               "ca": certs("intermediate-ca.pem"), "requestCert": True, "rejectUnauthorized": False,
                               "allowPartialTrustChain": True},
                              lambda sock: (seen.append(sock.authorizationError), sock.end()))
    port = listen(server)
    client = tls.connect(port, "127.0.0.1", ca=certs("ca.pem"), key=certs("partial-client-key.pem"),
                         cert=certs("partial-client-chain.pem"))
    run_until(client, "close")
    server.close()
    assert seen == ["UNABLE_TO_GET_ISSUER_CERT"]
