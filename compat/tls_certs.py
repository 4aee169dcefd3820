"""Certificates for the TLS scenarios and tests, made at run time with ``trustme``.

No private key is committed: ``write(directory)`` makes a fresh set, and
``directory()`` makes one per process (in a temporary directory removed at
exit) and names it in ``GNET_TLS_CERTS``, so that the Node half and the gnet
half of a compat scenario, run as child processes, read the same files
(compat/runner.py passes the variable on). ``python -m compat.tls_certs DIR``
writes a set into DIR by hand.

The set (PEM files):

- ``ca.pem``: the test CA; ``ca-key.pem`` its key (for ``self-signed``);
- ``server-cert.pem``/``server-key.pem``: ``localhost``, ``127.0.0.1``, ``::1``,
  issued by the CA (the leaf alone, as a server sends it);
- ``server-chain.pem``: that leaf followed by the CA itself (a chain that
  ends in a root the client may not trust: SELF_SIGNED_CERT_IN_CHAIN);
- ``sni-cert.pem``/``sni-key.pem``: ``sni.example``, for SNI;
- ``encrypted-key.pem``: ``server-key.pem`` encrypted with the passphrase ``secret``;
- ``client-cert.pem``/``client-key.pem``: a client certificate for mutual TLS;
- ``expired-cert.pem``/``expired-key.pem``: ``localhost``, expired a year ago;
- ``self-signed-cert.pem``/``self-signed-key.pem``: a self-signed certificate
  for ``localhost`` (DEPTH_ZERO_SELF_SIGNED_CERT);
- ``other-ca.pem``: a second CA that issued none of the above;
- ``rsa-server-cert.pem``/``rsa-server-key.pem``: ``localhost`` with an RSA key
  (a DHE-RSA cipher needs one), issued by the CA, and ``dh2048.pem``, the
  2048-bit finite field group ``ffdhe2048`` of RFC 7919 (a server's ``dhparam``),
  ``dh1024.pem``, the 1024-bit group of RFC 2409 (Oakley group 2: Node warns),
  and ``dh512.pem``, 512-bit parameters that are no group at all (Node
  refuses them by their size before it looks further);
- ``intermediate-ca.pem``: a CA the test CA issued; ``partial-server-chain.pem``
  (its ``localhost`` leaf followed by it)/``partial-server-key.pem``, and
  ``partial-client-chain.pem``/``partial-client-key.pem``, a client certificate
  it issued: chains that a peer trusting only the intermediate accepts with
  ``allowPartialTrustChain``.
"""

import atexit
import datetime
import os
import shutil
import sys
import tempfile
import threading

__all__ = ["ENV", "write", "directory", "path"]

#: The environment variable naming the directory of the current set.
ENV = "GNET_TLS_CERTS"

_made = []
_lock = threading.Lock()


def write(folder):
    """Write a fresh set of certificates and keys into ``folder``."""
    import trustme
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    os.makedirs(folder, exist_ok=True)

    def put(name, data):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)

    ca = trustme.CA(organization_name="gnet test CA")
    put("ca.pem", ca.cert_pem.bytes())
    put("ca-key.pem", ca.private_key_pem.bytes())
    server = ca.issue_cert("localhost", "127.0.0.1", "::1", common_name="localhost")
    put("server-cert.pem", server.cert_chain_pems[0].bytes())
    put("server-key.pem", server.private_key_pem.bytes())
    put("server-chain.pem", server.cert_chain_pems[0].bytes() + ca.cert_pem.bytes())
    sni = ca.issue_cert("sni.example", common_name="sni.example")
    put("sni-cert.pem", sni.cert_chain_pems[0].bytes())
    put("sni-key.pem", sni.private_key_pem.bytes())
    # The server's key encrypted with the passphrase 'secret' (PKCS#8).
    put("encrypted-key.pem", serialization.load_pem_private_key(server.private_key_pem.bytes(), password=None)
        .private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                       serialization.BestAvailableEncryption(b"secret")))
    client = ca.issue_cert("client@gnet.test", common_name="gnet test client")
    put("client-cert.pem", client.cert_chain_pems[0].bytes())
    put("client-key.pem", client.private_key_pem.bytes())
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    expired = ca.issue_cert("localhost", "127.0.0.1", common_name="localhost",
                            not_before=now - datetime.timedelta(days=730),
                            not_after=now - datetime.timedelta(days=365))
    put("expired-cert.pem", expired.cert_chain_pems[0].bytes())
    put("expired-key.pem", expired.private_key_pem.bytes())
    put("other-ca.pem", trustme.CA(organization_name="gnet other CA").cert_pem.bytes())

    # A server certificate the CA has revoked, and the CA's revocation list
    # naming it (Node's ``crl`` option).
    revoked = ca.issue_cert("localhost", "127.0.0.1", common_name="localhost")
    put("revoked-cert.pem", revoked.cert_chain_pems[0].bytes())
    put("revoked-key.pem", revoked.private_key_pem.bytes())
    ca_cert = x509.load_pem_x509_certificate(ca.cert_pem.bytes())
    ca_key = serialization.load_pem_private_key(ca.private_key_pem.bytes(), password=None)
    revoked_serial = x509.load_pem_x509_certificate(revoked.cert_chain_pems[0].bytes()).serial_number
    crl = (x509.CertificateRevocationListBuilder().issuer_name(ca_cert.subject)
           .last_update(now - datetime.timedelta(days=1)).next_update(now + datetime.timedelta(days=30))
           .add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(revoked_serial)
                                    .revocation_date(now - datetime.timedelta(days=1)).build())
           .sign(ca_key, hashes.SHA256()))
    put("crl.pem", crl.public_bytes(serialization.Encoding.PEM))

    # A self-signed leaf: its own issuer, not a CA.
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "gnet self-signed")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=365))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
            .sign(key, hashes.SHA256()))
    put("self-signed-cert.pem", cert.public_bytes(serialization.Encoding.PEM))
    put("self-signed-key.pem", key.private_bytes(serialization.Encoding.PEM,
                                                 serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption()))
    # A DHE server: an RSA leaf and the RFC 7919 group (public numbers,
    # computed here rather than generated, which takes seconds).
    rsa = ca.issue_cert("localhost", "127.0.0.1", common_name="localhost", key_type=trustme.KeyType.RSA)
    put("rsa-server-cert.pem", rsa.cert_chain_pems[0].bytes())
    put("rsa-server-key.pem", rsa.private_key_pem.bytes())
    put("dh2048.pem", ffdhe_pem(2048))
    put("dh1024.pem", dh_pem(oakley_prime_1024()))
    put("dh512.pem", dh_pem(2 ** 511 + 1))

    # An intermediate CA and what it issued, sent with it (leaf, intermediate).
    intermediate = ca.create_child_ca()
    put("intermediate-ca.pem", intermediate.cert_pem.bytes())
    leaf = intermediate.issue_cert("localhost", "127.0.0.1", common_name="localhost")
    put("partial-server-chain.pem", b"".join(p.bytes() for p in leaf.cert_chain_pems[:2]))
    put("partial-server-key.pem", leaf.private_key_pem.bytes())
    client = intermediate.issue_cert("partial@gnet.test", common_name="gnet partial chain client")
    put("partial-client-chain.pem", b"".join(p.bytes() for p in client.cert_chain_pems[:2]))
    put("partial-client-key.pem", client.private_key_pem.bytes())
    return folder


#: RFC 7919's constant for each group size: p = 2^b - 2^(b-64) + (floor(2^(b-130) e) + c) 2^64 - 1.
_FFDHE = {2048: 560316, 3072: 2625351}


def _e_bits(bits):
    # floor(e * 2**bits), from the series of 1/n! with 64 guard bits.
    one = 1 << (bits + 64)
    total, term, n = 0, one, 0
    while term:
        total += term
        n += 1
        term //= n
    return total >> 64


def _der_int(value):
    body = value.to_bytes(value.bit_length() // 8 + 1, "big")
    return b"\x02" + _der_len(len(body)) + body


def _der_len(n):
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def ffdhe_pem(bits):
    """The PEM ``DH PARAMETERS`` (PKCS #3: prime, generator 2) of RFC 7919's
    ``ffdhe<bits>`` group, which OpenSSL recognises by name."""
    return dh_pem(2 ** bits - 2 ** (bits - 64) + (_e_bits(bits - 130) + _FFDHE[bits]) * 2 ** 64 - 1)


def _pi_bits(bits):
    # floor(pi * 2**bits), by Machin's formula with 64 guard bits.
    one = 1 << (bits + 64)

    def arctan_inv(x):
        total, term, n, sign = 0, one // x, 1, 1
        while term:
            total += sign * (term // n)
            term //= x * x
            n += 2
            sign = -sign
        return total
    return (4 * (4 * arctan_inv(5) - arctan_inv(239))) >> 64


def oakley_prime_1024():
    """RFC 2409's 1024-bit MODP prime: 2^1024 - 2^960 - 1 + 2^64 * (floor(2^894 pi) + 129093)."""
    return 2 ** 1024 - 2 ** 960 - 1 + 2 ** 64 * (_pi_bits(894) + 129093)


def dh_pem(prime):
    """The PEM ``DH PARAMETERS`` (PKCS #3) of ``prime`` with generator 2."""
    import base64
    body = _der_int(prime) + _der_int(2)
    der = b"\x30" + _der_len(len(body)) + body
    text = base64.b64encode(der).decode("ascii")
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    return ("-----BEGIN DH PARAMETERS-----\n%s\n-----END DH PARAMETERS-----\n" % "\n".join(lines)).encode("ascii")


def directory():
    """The directory of this process's set: ``GNET_TLS_CERTS`` if set, else a
    set made now in a temporary directory (removed at exit) and put in
    ``GNET_TLS_CERTS`` for child processes."""
    with _lock:
        folder = os.environ.get(ENV)
        if folder and os.path.exists(os.path.join(folder, "ca.pem")):
            return folder
        folder = write(tempfile.mkdtemp(prefix="gnet-tls-"))
        if not _made:
            atexit.register(lambda: [shutil.rmtree(f, ignore_errors=True) for f in _made])
        _made.append(folder)
        os.environ[ENV] = folder
        return folder


def path(name):
    """The path of one file of the set, e.g. ``path('ca.pem')``."""
    return os.path.join(directory(), name)


if __name__ == "__main__":
    print(write(sys.argv[1]) if len(sys.argv) > 1 else directory())
