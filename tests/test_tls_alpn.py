"""ALPN on a gnet server chooses as Node's SelectALPNCallback: the first of
the server's protocols the client offers; none in common fails the handshake
with a fatal no_application_protocol alert (compat: tls/alpn_no_protocol_in_common)."""
import gevent.event

import gnet
import gnet.tls as tls
from tlshelpers import read


def handshake(certdir, server_protocols, client_protocols, servername="localhost"):
    out = {}
    done = gevent.event.Event()
    server = tls.createServer({"key": read(certdir, "server-key.pem"), "cert": read(certdir, "server-cert.pem"),
                               "ALPNProtocols": server_protocols})
    server.addContext("sni.example", {"key": read(certdir, "sni-key.pem"), "cert": read(certdir, "sni-cert.pem")})
    server.on("secureConnection", lambda sock: (out.__setitem__("server", sock.alpnProtocol), sock.end()))
    server.on("tlsClientError", lambda err, sock: out.__setitem__("server", err.code))
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    client = tls.connect({"port": server.address()["port"], "host": "127.0.0.1", "servername": servername,
                          "ca": read(certdir, "ca.pem"), "ALPNProtocols": client_protocols,
                          "rejectUnauthorized": False})
    client.on("secureConnect", lambda: (out.__setitem__("client", client.alpnProtocol), client.resume()))
    client.on("error", lambda err: out.__setitem__("client", err.code))
    client.on("close", lambda *_: (server.close(), done.set()))
    assert done.wait(10)
    return out


def test_the_first_server_protocol_the_client_offers_is_chosen(certdir):
    assert handshake(certdir, ["h2", "http/1.1"], ["http/1.1", "h2"]) == {"client": "h2", "server": "h2"}


def test_no_protocol_in_common_fails_the_handshake_on_both_ends(certdir):
    assert handshake(certdir, ["h2"], ["http/1.1"]) == {
        "client": "ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL", "server": "ERR_SSL_NO_APPLICATION_PROTOCOL"}


def test_a_context_chosen_by_sni_chooses_the_same_way(certdir):
    assert handshake(certdir, ["h2"], ["http/1.1"], "sni.example")["server"] == "ERR_SSL_NO_APPLICATION_PROTOCOL"
    assert handshake(certdir, ["h2"], ["h2"], "sni.example") == {"client": "h2", "server": "h2"}


def test_an_alert_from_the_peer_names_openssl_s_library_and_reason(certdir):
    # Python's table of OpenSSL reasons does not name the alerts; Node's error
    # has OpenSSL's texts all the same.
    server = tls.createServer({"key": read(certdir, "server-key.pem"), "cert": read(certdir, "server-cert.pem"),
                               "ALPNProtocols": ["h2"]})
    server.on("tlsClientError", lambda *_: None)
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    client = tls.connect({"port": server.address()["port"], "host": "127.0.0.1", "ca": read(certdir, "ca.pem"),
                          "ALPNProtocols": ["http/1.1"]})
    (err,) = gnet.once(client, "error", timeout=10000)
    server.close()
    assert (err.code, err.library, err.reason, str(err)) == (
        "ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL", "SSL routines", "tlsv1 alert no application protocol",
        "error:SSL routines::tlsv1 alert no application protocol")
