"""Node's ``tls`` errors: its own codes, OpenSSL's verification results and OpenSSL's errors.

- Node's own TLS codes (``ERR_TLS_CERT_ALTNAME_INVALID``, ``ERR_TLS_HANDSHAKE_TIMEOUT``,
  ...) are generated from ``_TABLE`` as ``gnet.NodeError`` subclasses, as
  gnet/js/errors.py does for ``net``'s.
- A peer certificate that did not verify is Node's plain ``Error`` whose
  ``code`` is the ``X509_V_ERR_*`` name (``UNABLE_TO_VERIFY_LEAF_SIGNATURE``,
  ``CERT_HAS_EXPIRED``, ...) and whose message is OpenSSL's text
  (``verify_error``), as Node's ``GetValidationErrorCode`` names them.
- An OpenSSL error (``ssl.SSLError``) becomes Node's: ``code`` ``ERR_SSL_<REASON>``
  for the SSL library, ``ERR_OSSL_<LIB>_<REASON>`` for the others, with
  ``library`` and ``reason`` as OpenSSL's texts (``openssl_error``).
- A connection that ends before its handshake did is Node's ``ECONNRESET``
  (``conn_reset``).

Differs from Node: an OpenSSL error's message is ``error:<library>::<reason>``
without the packed error number, function and source position that Node's
OpenSSL prints (Python's ``ssl`` does not give them).
"""

import errno as _errno
import json
import re
import ssl

from gnet.js import errors as _jserrors
from gnet.js import origin as _origin
from gnet.js import values as _values
from gnet.js.errors import NodeError

__all__ = ["verify_error", "openssl_error", "conn_reset", "VERIFY_CODES", "TLSVerifyError", "OpenSSLError",
           "SecurityWarning"]


def _msg_altname(reason):
    return "Hostname/IP does not match certificate's altnames: %s" % reason


def _msg_protocol_version(value, which):
    return "%s is not a valid %s TLS protocol version" % (_json(value), which)


def _json(value):
    if isinstance(value, str):
        return '"%s"' % value.replace("\\", "\\\\").replace('"', '\\"')
    return _jserrors.js_inspect(value)


def _msg_version_conflict(version, secure_protocol):
    return "TLS protocol version %s conflicts with secureProtocol %s" % (
        _json_format(version), _json_format(secure_protocol))


def _json_format(value):
    """util.format's ``%j``: ``JSON.stringify`` of the value (``undefined`` for ``None``)."""
    if value is None:
        return "undefined"
    return _stringify(value)


def _stringify(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        # JSON.stringify writes NaN and the infinities as null.
        return _jserrors.js_number_text(value) if value == value and abs(value) != float("inf") else "null"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[%s]" % ",".join(_stringify(v) for v in value)
    if isinstance(value, dict):
        return "{%s}" % ",".join("%s:%s" % (json.dumps(str(k), ensure_ascii=False), _stringify(v))
                                 for k, v in value.items() if v is not None and not callable(v))
    return json.dumps(str(value), ensure_ascii=False)


def _msg_alpn_invalid_result(value, protocols):
    return "ALPN callback returned a value (%s) that did not match any of the client's offered protocols (%s)" % (
        _values.js_string(value), ", ".join(protocols))


def _msg_internal_assertion(message=None):
    # Node's assert() from lib/internal/assert.js, verbatim.
    suffix = ("This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n"
              "Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n")
    return suffix if message is None else "%s\n%s" % (message, suffix)


#: Node's own TLS codes: code -> (Python base for the JavaScript class, message).
_TABLE = {
    "ERR_TLS_CERT_ALTNAME_INVALID": (Exception, _msg_altname),
    "ERR_TLS_HANDSHAKE_TIMEOUT": (Exception, "TLS handshake timeout"),
    "ERR_TLS_INVALID_PROTOCOL_VERSION": (TypeError, _msg_protocol_version),
    "ERR_TLS_PROTOCOL_VERSION_CONFLICT": (TypeError, _msg_version_conflict),
    "ERR_TLS_INVALID_PROTOCOL_METHOD": (TypeError, "%s"),
    "ERR_TLS_ALPN_CALLBACK_INVALID_RESULT": (TypeError, _msg_alpn_invalid_result),
    "ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS": (
        TypeError, "The ALPNCallback and ALPNProtocols TLS options are mutually exclusive"),
    "ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED": (Exception, "Custom engines not supported by this OpenSSL"),
    "ERR_TLS_REQUIRED_SERVER_NAME": (Exception, '"servername" is required parameter for Server.addContext'),
    "ERR_TLS_SNI_FROM_SERVER": (Exception, "Cannot issue SNI from a TLS server-side socket"),
    "ERR_TLS_INVALID_CONTEXT": (TypeError, "%s must be a SecureContext"),
    "ERR_TLS_INVALID_STATE": (Exception, "TLS socket connection must be securely established"),
    "ERR_TLS_RENEGOTIATION_DISABLED": (Exception, "TLS session renegotiation disabled for this socket"),
    "ERR_TLS_DH_PARAM_SIZE": (Exception, "DH parameter size %s is less than 2048"),
    "ERR_TLS_SESSION_ATTACK": (Exception, "TLS session renegotiation attack detected"),
    "ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED": (Exception, "Failed to set PSK identity hint"),
    "ERR_INTERNAL_ASSERTION": (Exception, _msg_internal_assertion),
}


class _TLSNodeError(NodeError):
    """A Node error of gnet.tls's table (gnet/js/errors.py's ``NodeError`` reads its own)."""

    def __init__(self, *args):
        _, template = _TABLE[self.code]
        message = template(*args) if callable(template) else (template % args if args else template)
        Exception.__init__(self, message)
        self._message = message


for _code, (_base, _template) in _TABLE.items():
    _bases = (_TLSNodeError,) if _base is Exception else (_TLSNodeError, _base)
    globals()[_code] = type(_code, _bases, {"code": _code, "__module__": __name__,
                                             "__doc__": "Node's %s." % _code})
    __all__.append(_code)
del _code, _base, _template, _bases


def altname_error(reason, host, cert):
    """Node's ``ERR_TLS_CERT_ALTNAME_INVALID`` with its ``reason``, ``host`` and ``cert``."""
    err = ERR_TLS_CERT_ALTNAME_INVALID(reason)  # noqa: F821 - generated above
    err.reason, err.host, err.cert = reason, host, cert
    return err


#: OpenSSL's ``X509_V_ERR_*`` numbers to the names Node gives them (crypto_common.cc).
VERIFY_CODES = {
    2: "UNABLE_TO_GET_ISSUER_CERT", 3: "UNABLE_TO_GET_CRL", 4: "UNABLE_TO_DECRYPT_CERT_SIGNATURE",
    5: "UNABLE_TO_DECRYPT_CRL_SIGNATURE", 6: "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY",
    7: "CERT_SIGNATURE_FAILURE", 8: "CRL_SIGNATURE_FAILURE", 9: "CERT_NOT_YET_VALID",
    10: "CERT_HAS_EXPIRED", 11: "CRL_NOT_YET_VALID", 12: "CRL_HAS_EXPIRED",
    13: "ERROR_IN_CERT_NOT_BEFORE_FIELD", 14: "ERROR_IN_CERT_NOT_AFTER_FIELD",
    15: "ERROR_IN_CRL_LAST_UPDATE_FIELD", 16: "ERROR_IN_CRL_NEXT_UPDATE_FIELD", 17: "OUT_OF_MEM",
    18: "DEPTH_ZERO_SELF_SIGNED_CERT", 19: "SELF_SIGNED_CERT_IN_CHAIN",
    20: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", 21: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    22: "CERT_CHAIN_TOO_LONG", 23: "CERT_REVOKED", 24: "INVALID_CA", 25: "PATH_LENGTH_EXCEEDED",
    26: "INVALID_PURPOSE", 27: "CERT_UNTRUSTED", 28: "CERT_REJECTED", 62: "HOSTNAME_MISMATCH",
}


class TLSVerifyError(_jserrors._NodeMessage, Exception):
    """Node's plain ``Error`` for a peer certificate that did not verify:
    ``code`` is OpenSSL's name for the result, the message OpenSSL's text."""

    def __init__(self, code, message):
        Exception.__init__(self, message)
        self._message = message
        self.code = code

    def __repr__(self):
        return "Error [%s]: %s" % (self.code, self._message)


def verify_error(number, text):
    """The error for verification result ``number`` (``X509_V_ERR_*``), or ``None`` for 0."""
    if not number:
        return None
    # Node names a number it does not know UNSPECIFIED (X509_V_ERR_UNSPECIFIED's name).
    return TLSVerifyError(VERIFY_CODES.get(number, "UNSPECIFIED"), text)


class OpenSSLError(_jserrors._NodeMessage, Exception):
    """An OpenSSL error as Node reports it: ``code`` (``ERR_SSL_...``,
    ``ERR_OSSL_...``), ``library`` and ``reason`` (OpenSSL's texts)."""

    library = None
    reason = None
    #: The rest of OpenSSL's error queue, newest first (Node's ``opensslErrorStack``), when it had more.
    opensslErrorStack = None

    def __init__(self, code, message, library=None, reason=None):
        Exception.__init__(self, message)
        self._message = message
        self.code = code
        self.library = library
        self.reason = reason

    def __repr__(self):
        return "Error [%s]: %s" % (self.code, self._message)


#: Python's library mnemonics to OpenSSL's library texts (ERR_lib_error_string).
_LIBRARIES = {
    "SSL": "SSL routines", "PEM": "PEM routines", "X509": "x509 certificate routines",
    "ASN1": "asn1 encoding routines", "EVP": "digital envelope routines", "BIO": "BIO routines",
    "DECODER": "DECODER routines", "PKCS12": "PKCS12 routines", "X509V3": "X509 V3 routines",
    "SYS": "system library", "RSA": "rsa routines", "EC": "elliptic curve routines",
    "ENGINE": "engine routines", "DSO": "DSO support routines",
}

#: OpenSSL's library texts back to Python's mnemonics.
_MNEMONICS = {text: name for name, text in _LIBRARIES.items()}

_TEXT = re.compile(r"^\[[^\]]*\]\s*(.*?)(?:\s*\(_ssl\.c:\d+\))?$")


def openssl_error(exc):
    """Node's error for an ``ssl.SSLError`` (or its verification subclass)."""
    if isinstance(exc, ssl.SSLCertVerificationError) and exc.verify_code:
        return verify_error(exc.verify_code, exc.verify_message)
    library = getattr(exc, "library", None)
    reason = getattr(exc, "reason", None)
    text = exc.args[1] if len(exc.args) > 1 and isinstance(exc.args[1], str) else str(exc)
    m = _TEXT.match(text)
    reason_text = m.group(1) if m else text
    if reason is None:
        if library and m:
            # An OpenSSL error whose reason Python's table does not name (the
            # alerts a peer sends: "[SSL] tlsv1 alert no application protocol"):
            # OpenSSL's text is the reason, as Node reads it.
            reason = reason_text
        else:
            # No OpenSSL error queue entry: Python's own text ("EOF occurred in
            # violation of protocol", "TLS/SSL connection has been closed").
            if isinstance(exc, ssl.SSLEOFError):
                return conn_reset("socket hang up")
            return OpenSSLError(_code("SSL", reason_text), reason_text)
    lib_text = _LIBRARIES.get(library, library)
    return OpenSSLError(_code(library, reason), "error:%s::%s" % (lib_text, reason_text.lower()), lib_text,
                        reason_text.lower())


def queued_error(message, library, reason):
    """Node's error for an entry of OpenSSL's error queue read through ctypes,
    as OpenSSL's texts: ``ERR_error_string_n``'s ``message``, the
    ``library`` (``'SSL routines'``) and the ``reason`` (Node's ``ThrowCryptoError``)."""
    return OpenSSLError(_code(_MNEMONICS.get(library), reason or "unknown"), message, library, reason)


def error_store(entries):
    """Node's ``CryptoErrorStore::ToException``: a plain ``Error`` (no ``code``)
    for OpenSSL's error queue, ``entries`` the ``ERR_error_string_n`` texts in
    queue order: the oldest is the message, the others, newest first, are
    ``opensslErrorStack`` (absent when there are none)."""
    err = OpenSSLError(None, entries[0])
    if len(entries) > 1:
        err.opensslErrorStack = list(reversed(entries[1:]))
    return err


#: The libraries Node names in a code (its OSSL_ERROR_CODES_MAP), by
#: OpenSSL 3's ``ERR_LIB_*`` number; the others' codes are ``ERR_OSSL_<REASON>``.
_NODE_LIBRARIES = {
    2: "SYS", 3: "BN", 4: "RSA", 5: "DH", 6: "EVP", 7: "BUF", 8: "OBJ", 9: "PEM", 10: "DSA", 11: "X509",
    13: "ASN1", 14: "CONF", 15: "CRYPTO", 16: "EC", 20: "SSL", 32: "BIO", 33: "PKCS7", 34: "X509V3",
    35: "PKCS12", 36: "RAND", 37: "DSO", 38: "ENGINE", 39: "OCSP", 40: "UI", 41: "COMP", 42: "ECDSA",
    43: "ECDH", 44: "OSSL_STORE", 45: "FIPS", 46: "CMS", 47: "TS", 48: "HMAC", 50: "CT", 51: "ASYNC",
    52: "KDF", 53: "SM2", 128: "USER",
}
_NODE_MNEMONICS = frozenset(_NODE_LIBRARIES.values())


def crypto_error(errors, step_code=None):
    """Node's ``ThrowCryptoError`` for OpenSSL's error queue as
    ``_openssl.take_errors`` reads it: the oldest entry is the message, with
    its ``code``, ``library`` and ``reason``; the others, newest first, are
    ``opensslErrorStack``. When OpenSSL queued nothing the message is the
    failed step's name, with ``step_code`` as the code (Node's SetCert:
    ``ERR_CRYPTO_OPERATION_FAILED``) or none (its SetKey)."""
    (message, library, reason, lib), rest = errors
    if lib is None:
        return OpenSSLError(step_code, message)
    err = OpenSSLError(_code(_NODE_LIBRARIES.get(lib), reason or "unknown"), message, library, reason)
    if rest:
        err.opensslErrorStack = list(reversed(rest))
    return err


def _code(library, reason):
    """Node's code for an OpenSSL error: ``ERR_SSL_<REASON>`` for the SSL
    library, ``ERR_OSSL_<LIB>_<REASON>`` for another that Node names,
    ``ERR_OSSL_<REASON>`` for none or one it does not (``DECODER``);
    ``library`` is Python's mnemonic (``'SSL'``), ``reason`` a mnemonic or
    OpenSSL's text ('wrong ssl version': ``WRONG_SSL_VERSION``)."""
    reason = re.sub(r"\W+", "_", reason).strip("_").upper()
    if library == "SSL":
        return "ERR_SSL_" + reason
    return ("ERR_OSSL_%s_" % library if library in _NODE_MNEMONICS else "ERR_OSSL_") + reason


def conn_reset(message, **fields):
    """Node's ``ConnResetException``: ``code`` ``ECONNRESET`` and Node's text."""
    exc = _jserrors._new_system_error(_errno.ECONNRESET, message, "ECONNRESET")
    for name, value in fields.items():
        setattr(exc, name, value)
    return exc


def not_a_buffer(what):
    """Node's ``THROW_AND_RETURN_IF_NOT_BUFFER`` (C++): ``ERR_INVALID_ARG_TYPE``
    with the text ``<what> must be a buffer``."""
    cls = _jserrors.codes.ERR_INVALID_ARG_TYPE
    err = cls.__new__(cls)
    message = "%s must be a buffer" % what
    Exception.__init__(err, message)
    err._message = message
    _origin.mark(err)
    return err


def dh_param_too_small():
    """Node's SetDHParam (C++) for a group under 1024 bits: ``ERR_INVALID_ARG_VALUE``,
    a ``TypeError``, with its own text."""
    cls = _jserrors.codes.ERR_INVALID_ARG_VALUE
    err = cls.__new__(cls)
    message = "DH parameter is less than 1024 bits"
    Exception.__init__(err, message)
    err._message = message
    _origin.mark(err)
    return err


class SecurityWarning(RuntimeWarning):
    """Node's ``SecurityWarning`` (``process.emitWarning(text, 'SecurityWarning')``),
    issued through Python's ``warnings`` as gnet issues Node's warnings."""


def dh_param_small_warning():
    """Node's warning for a ``dhparam`` group of 1024 to 2047 bits."""
    return SecurityWarning("DH parameter is less than 2048 bits")


def check_session(session):
    """A session as Node's handle takes it: a Buffer (``bytes``, ``bytearray``,
    ``memoryview``; Python's ``ssl.SSLSession`` too), else ``not_a_buffer``."""
    if isinstance(session, ssl.SSLSession):
        return session
    if isinstance(session, (bytes, bytearray, memoryview)):
        return bytes(session)
    raise not_a_buffer("Session")


def session_id_context_too_long():
    """Node's error for a ``sessionIdContext`` OpenSSL refuses: a ``TypeError``
    with OpenSSL's text and no ``code``."""
    return TypeError("error:SSL routines::ssl session id context too long")


def set_session_failed():
    """Node's plain ``Error`` (no ``code``) when OpenSSL refuses ``SSL_set_session``."""
    return OpenSSLError(None, "SSL_set_session error")


def invalid_sni_context():
    """Node's error (TLSWrap::CertCbDone) when an SNICallback answers an object
    that is not a SecureContext: a ``TypeError`` with no ``code``."""
    return TypeError("Invalid SNI context")


def ip_servername_warning():
    """Node's DEP0123, for a ``servername`` that is an IP address (sent all
    the same): a ``DeprecationWarning`` with Node's ``code``."""
    warning = DeprecationWarning("Setting the TLS ServerName to an IP address is not permitted by RFC 6066. "
                                 "This will be ignored in a future version.")
    warning.code = "DEP0123"
    return warning
