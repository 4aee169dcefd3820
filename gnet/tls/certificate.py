"""A certificate in Node's shape, ``TLSSocket``'s methods that read them
(``Certificates``: ``getPeerCertificate``, ``getCertificate``) and
``tls.checkServerIdentity``.

Node's certificate object is a ``dict`` here with Node's keys: ``subject`` and
``issuer`` (``{'CN': ..., 'O': ...}``, a list where a name repeats),
``subjectaltname`` (``'DNS:localhost, IP Address:127.0.0.1'``), ``infoAccess``,
``valid_from``/``valid_to`` (OpenSSL's text), ``fingerprint``,
``fingerprint256``, ``fingerprint512``, ``serialNumber``, ``raw`` (the DER
bytes) and, with ``detailed``, ``issuerCertificate`` (a self-issued root points
to itself, as in Node). OpenSSL decodes the certificate (Python's ``_ssl``);
``ca``, ``bits``, ``pubkey``, ``asn1Curve``, ``nistCurve``, ``modulus``,
``exponent`` and ``ext_key_usage`` are added when the ``cryptography`` package
is installed (Python's ``ssl`` does not decode them). Keys are in Node's
order; ``pubkey`` is an RSA key's SubjectPublicKeyInfo but an EC key's point
(``04...``), as Node gives them.
"""

import hashlib
import ipaddress
import os
import re
import ssl

import _ssl

from gnet.js import names as _names
from gnet.net.addresses import isIP
from gnet.tls import _openssl
from gnet.tls import errors as _errors
from gnet.tls.context import recipe_of

__all__ = ["certificate_dict", "checkServerIdentity", "Certificates"]

#: OpenSSL's long attribute names (Python's) to the short ones Node prints.
_SHORT = {
    "commonName": "CN", "countryName": "C", "stateOrProvinceName": "ST", "localityName": "L",
    "organizationName": "O", "organizationalUnitName": "OU", "emailAddress": "emailAddress",
    "domainComponent": "DC", "serialNumber": "serialNumber", "givenName": "GN", "surname": "SN",
    "title": "title", "streetAddress": "street", "postalCode": "postalCode", "userId": "UID",
    "businessCategory": "businessCategory", "initials": "initials", "pseudonym": "pseudonym",
    "generationQualifier": "generationQualifier", "dnQualifier": "dnQualifier", "name": "name",
}


def _decode(der):
    """OpenSSL's decoding of a DER certificate, through Python's ``_ssl``."""
    pem = ssl.DER_cert_to_PEM_cert(der).encode("ascii")
    fd = os.memfd_create("gnet-cert", 0)
    try:
        os.write(fd, pem)
        return _ssl._test_decode_cert("/proc/self/fd/%d" % fd)
    finally:
        os.close(fd)


def _name(rdns):
    out = {}
    for rdn in rdns:
        for key, value in rdn:
            key = _SHORT.get(key, key)
            if key in out:
                if not isinstance(out[key], list):
                    out[key] = [out[key]]
                out[key].append(value)
            else:
                out[key] = value
    return out


def _fingerprint(algorithm, der):
    return ":".join("%02X" % b for b in hashlib.new(algorithm, der).digest())


def certificate_dict(der, info=None):
    """Node's certificate object for the DER bytes ``der``."""
    info = info or _decode(der)
    cert = {"subject": _name(info.get("subject", ())), "issuer": _name(info.get("issuer", ()))}
    alt = info.get("subjectAltName")
    if alt:
        cert["subjectaltname"] = ", ".join("%s:%s" % (kind, value) for kind, value in alt)
    access = {}
    for key, method in (("OCSP", "OCSP - URI"), ("caIssuers", "CA Issuers - URI")):
        if info.get(key):
            access[method] = list(info[key])
    if access:
        cert["infoAccess"] = access
    ext_key_usage = _add_key_facts(cert, der)
    cert["valid_from"] = info.get("notBefore")
    cert["valid_to"] = info.get("notAfter")
    cert["fingerprint"] = _fingerprint("sha1", der)
    cert["fingerprint256"] = _fingerprint("sha256", der)
    cert["fingerprint512"] = _fingerprint("sha512", der)
    if ext_key_usage is not None:
        cert["ext_key_usage"] = ext_key_usage
    cert["serialNumber"] = info.get("serialNumber")
    cert["raw"] = der
    return cert


#: OpenSSL's short name (Node's ``asn1Curve``) and NIST name (``nistCurve``,
#: where the curve has one) of each curve, by ``cryptography``'s name.
_CURVES = {
    "secp192r1": ("prime192v1", "P-192"), "secp224r1": ("secp224r1", "P-224"),
    "secp256r1": ("prime256v1", "P-256"), "secp384r1": ("secp384r1", "P-384"),
    "secp521r1": ("secp521r1", "P-521"),
}


def _add_key_facts(cert, der):
    """Node's X509ToObject: ``ca``, then for an RSA key ``modulus``, ``bits``,
    ``exponent`` and ``pubkey`` (the SubjectPublicKeyInfo DER), for an EC key
    ``bits``, ``pubkey`` (the point, ``04...``), ``asn1Curve`` and
    ``nistCurve``; nothing for other keys (Ed25519, DSA). Returns
    ``ext_key_usage``, which Node puts after the fingerprints, or ``None``."""
    try:
        from cryptography import x509
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec, rsa
    except ImportError:
        return None
    try:
        parsed = x509.load_der_x509_certificate(der)
    except ValueError:
        return None
    try:
        cert["ca"] = parsed.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        cert["ca"] = False
    try:
        key = parsed.public_key()
    except (ValueError, TypeError):         # a key type cryptography does not know
        key = None
    if isinstance(key, rsa.RSAPublicKey):
        numbers = key.public_numbers()
        cert["modulus"] = "%X" % numbers.n
        cert["bits"] = key.key_size
        cert["exponent"] = "0x%x" % numbers.e
        cert["pubkey"] = key.public_bytes(serialization.Encoding.DER,
                                          serialization.PublicFormat.SubjectPublicKeyInfo)
    elif isinstance(key, ec.EllipticCurvePublicKey):
        cert["bits"] = key.key_size
        # Node's ECPointToBuffer: the point alone, not the SubjectPublicKeyInfo.
        cert["pubkey"] = key.public_bytes(serialization.Encoding.X962,
                                          serialization.PublicFormat.UncompressedPoint)
        asn1, nist = _CURVES.get(key.curve.name, (key.curve.name, None))
        cert["asn1Curve"] = asn1
        if nist is not None:
            cert["nistCurve"] = nist
    try:
        usage = parsed.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        return [oid.dotted_string for oid in usage]
    except x509.ExtensionNotFound:
        return None


def chain_dict(ders):
    """Node's detailed certificate: each one's ``issuerCertificate`` is the next
    of ``ders`` (leaf first); a self-issued last one points to itself."""
    certs = [certificate_dict(der) for der in ders]
    for cert, issuer in zip(certs, certs[1:]):
        cert["issuerCertificate"] = issuer
    if certs:
        last = certs[-1]
        if last["subject"] == last["issuer"]:
            last["issuerCertificate"] = last
    return certs[0] if certs else {}


def peer_certificate(sslobj, detailed=False):
    """Node's ``getPeerCertificate(detailed)`` of an ``ssl.SSLObject``: ``{}``
    without a peer certificate; ``detailed``, with each ``issuerCertificate``."""
    der = sslobj.getpeercert(binary_form=True)
    if der is None:
        return {}
    if not sslobj.server_side and not _received_chain(sslobj):
        # Node's GetPeerCert reads a client's peer certificate from the chain
        # the handshake received (SSL_get_peer_cert_chain): a resumed session
        # received none, so {} (compat: tls/resumed_session_peer_certificate).
        return {}
    if not detailed:
        return certificate_dict(der)
    chain = []
    for source in (sslobj._sslobj.get_verified_chain, sslobj._sslobj.get_unverified_chain):
        try:
            chain = [c.public_bytes(ssl._ssl.ENCODING_DER) for c in source() or ()]
        except (AttributeError, ssl.SSLError, ValueError):
            chain = []
        if chain:
            break
    if not chain or chain[0] != der:
        chain = [der] + [c for c in chain if c != der]
    return chain_dict(chain)


def _received_chain(sslobj):
    """Whether this end's handshake received the peer's chain (OpenSSL's
    ``SSL_get_peer_cert_chain``, which CPython reads as
    ``get_unverified_chain``); true where this Python cannot tell."""
    try:
        return bool(sslobj._sslobj.get_unverified_chain())
    except (AttributeError, ssl.SSLError, ValueError):
        return True


# ---------------------------------------------------------------------------
# TLSSocket's certificate methods

@_names.alias_class
class Certificates:
    """The certificate-reading part of ``TLSSocket`` (gnet/tls/socket.py, its
    only user, whose ``_ssl()``, ``_handle`` and ``_tls`` it reads): Node's
    ``getPeerCertificate`` and ``getCertificate``, and the peer's verification
    result read after each handshake."""

    def getPeerCertificate(self, detailed=False):
        """Node's certificate object (a dict) of the peer; ``{}`` without one,
        ``None`` without a connection. ``detailed``: with ``issuerCertificate``."""
        sslobj = self._ssl()
        if sslobj is None:
            return None
        return peer_certificate(sslobj, detailed)

    def getCertificate(self):
        """Node's certificate object of this end's own certificate, ``{}`` without one.

        The one the connection holds, as Node reads it (``SSL_get_certificate``):
        the context's SNI chose, the one the cipher chose among several keys.
        Before the connection is made (``TLSSocket()`` not yet connected), the
        one it will hold, as Node's handle holds it from the start; ``None``
        once destroyed. Without the OpenSSL layer, the first certificate of
        the context the connection was made with."""
        sslobj = self._ssl()
        if sslobj is None:
            if self._handle is not None or self.destroyed or self._tls is None:
                return None
            context = self._tls.context
        else:
            context = sslobj.context
        if not _openssl.available:
            recipe = recipe_of(context)
            der = recipe.certificate_der() if recipe is not None else None
        elif sslobj is None:
            der = _openssl.context_certificate(context)
        else:
            der = _openssl.own_certificate(sslobj)
        return certificate_dict(der) if der else {}

    def _verify_error(self):
        """The peer's certificate as OpenSSL verified it: ``None`` when it
        passed, else Node's error for OpenSSL's result (``TLSVerifyError``)."""
        sslobj = self._handle.ssl
        if sslobj.getpeercert(binary_form=True) is None:
            # Node's VerifyPeerCertificate: no certificate is "unable to get
            # issuer certificate", except on a resumed TLS 1.3 session (a
            # TLS 1.3 PSK is one) or with a cipher a PSK authenticates.
            if sslobj.session_reused and sslobj.version() == "TLSv1.3" or _openssl.psk_authenticated(sslobj):
                return None
            code = 2
        else:
            code = _openssl.verify_result(sslobj)
        if not code:
            return None
        return _errors.verify_error(code, _openssl.verify_error_string(code))


# ---------------------------------------------------------------------------
# checkServerIdentity, as Node's lib/tls.js

def _unfqdn(host):
    return re.sub(r"[.]$", "", host)


def _split_host(host):
    return re.sub(r"[A-Z]", lambda m: m.group(0).lower(), _unfqdn(host)).split(".")


def _check(host_parts, pattern, wildcards):
    if not pattern:
        return False
    pattern_parts = _split_host(pattern)
    if len(host_parts) != len(pattern_parts):
        return False
    if "" in pattern_parts:
        return False
    if any(re.search(r"[^\u0021-\u007F]", part) for part in pattern_parts):
        return False
    for i in range(len(host_parts) - 1, 0, -1):
        if host_parts[i] != pattern_parts[i]:
            return False
    host_sub, pattern_sub = host_parts[0], pattern_parts[0]
    pieces = pattern_sub.split("*", 2)
    if len(pieces) == 1 or "xn--" in pattern_sub:
        return host_sub == pattern_sub
    if not wildcards or len(pieces) > 2 or len(pattern_parts) <= 2:
        return False
    prefix, suffix = pieces
    if len(prefix) + len(suffix) > len(host_sub):
        return False
    return host_sub.startswith(prefix) and host_sub.endswith(suffix)


def _canonical_ip(text):
    try:
        return ipaddress.ip_address(text.strip()).compressed
    except ValueError:
        return text


def _split_alt_names(alt):
    """Node's splitEscapedAltNames: names joined by ', ', some quoted."""
    out, current, i = [], "", 0
    while i < len(alt):
        if alt.startswith(", ", i):
            out.append(current)
            current = ""
            i += 2
        elif alt[i] == '"':
            j = i + 1
            while j < len(alt) and alt[j] != '"':
                if alt[j] == "\\":
                    j += 1
                current += alt[j]
                j += 1
            i = j + 1
        else:
            current += alt[i]
            i += 1
    out.append(current)
    return out


def checkServerIdentity(hostname, cert):
    """Node's ``tls.checkServerIdentity(hostname, cert)``: ``None`` when ``cert``
    (Node's certificate dict) is for ``hostname``, else the
    ``ERR_TLS_CERT_ALTNAME_INVALID`` error (returned, not raised)."""
    cert = cert or {}
    subject = cert.get("subject")
    alt = cert.get("subjectaltname")
    dns_names, ips = [], []
    hostname = str(hostname) if hostname is not None else "undefined"
    if alt:
        for name in (_split_alt_names(alt) if '"' in alt else alt.split(", ")):
            if name.startswith("DNS:"):
                dns_names.append(name[4:])
            elif name.startswith("IP Address:"):
                ips.append(_canonical_ip(name[11:]))
    valid = False
    reason = "Unknown reason"
    hostname = _unfqdn(hostname)
    if isIP(hostname):
        valid = _canonical_ip(hostname) in ips
        if not valid:
            reason = "IP: %s is not in the cert's list: %s" % (hostname, ", ".join(ips))
    elif dns_names or (subject or {}).get("CN"):
        host_parts = _split_host(hostname)
        if dns_names:
            valid = any(_check(host_parts, name, True) for name in dns_names)
            if not valid:
                reason = "Host: %s. is not in the cert's altnames: %s" % (hostname, alt)
        else:
            cn = subject.get("CN")
            if isinstance(cn, list):
                valid = any(_check(host_parts, name, True) for name in cn)
                shown = ",".join(cn)
            else:
                valid = _check(host_parts, cn, True)
                shown = cn
            if not valid:
                reason = "Host: %s. is not cert's CN: %s" % (hostname, shown)
    else:
        reason = "Cert does not contain a DNS name"
    if not valid:
        return _errors.altname_error(reason, hostname, cert)
    return None
