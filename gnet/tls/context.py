"""``tls.createSecureContext``: Node's secure context options as Python ``ssl.SSLContext`` objects.

A ``SecureContext`` keeps the options it was made with, checked as Node
checks them, and makes the ``ssl.SSLContext`` for each side when first
needed (``ssl_context(server_side)``): Python's contexts are one-sided
(``PROTOCOL_TLS_CLIENT``/``PROTOCOL_TLS_SERVER``) where Node's serve both.

Every context is set as Node sets its own, so that a gnet peer and a Node
peer negotiate alike: Node's default cipher list (``DEFAULT_CIPHERS``, TLS 1.3
suites included), ``DEFAULT_MIN_VERSION``/``DEFAULT_MAX_VERSION``, no
hostname check and no verification failure inside the handshake (the socket
decides afterwards, as Node's JavaScript does: gnet/tls/socket.py). PEM keys
and certificates are loaded apart, as Node's ``setCert`` and ``setKey``
load them (gnet/tls/_openssl/keys.py), from memory; what Python's ``ssl``
reads only from a file (DH parameters, a PKCS#12's contents) is read through
an anonymous in-memory file (``memfd``), never written to disk.

``secureProtocol`` pins the versions as Node's method names do; a one-sided
method, OpenSSL engines (``privateKeyEngine``/``privateKeyIdentifier``,
``clientCertEngine``) and ``allowPartialTrustChain`` are set as Node's
SecureContext sets them (gnet/tls/_openssl/options.py for what Python's
``ssl`` has no setting for).
"""

import base64
import os
import re
import ssl
import tempfile
import warnings

from gnet.js import errors as _jserrors
from gnet.js import names as _names
from gnet.js import values as _values
from gnet.net import options as _options
from gnet.tls import _openssl
from gnet.tls import errors as _errors

__all__ = ["SecureContext", "createSecureContext", "DEFAULT_CIPHERS", "DEFAULT_ECDH_CURVE",
           "DEFAULT_MIN_VERSION", "DEFAULT_MAX_VERSION", "getCiphers", "root_certificates"]

#: Node v20's ``tls.DEFAULT_CIPHERS``.
DEFAULT_CIPHERS = (
    "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:"
    "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:"
    "DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:"
    "DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA")
#: Node's ``tls.DEFAULT_ECDH_CURVE``: OpenSSL chooses.
DEFAULT_ECDH_CURVE = "auto"
#: Node's ``tls.DEFAULT_MIN_VERSION`` and ``tls.DEFAULT_MAX_VERSION``: read when a
#: context is made, so a program may change them first, as in Node.
DEFAULT_MIN_VERSION = "TLSv1.2"
DEFAULT_MAX_VERSION = "TLSv1.3"

_VERSIONS = {
    "TLSv1": ssl.TLSVersion.TLSv1, "TLSv1.1": ssl.TLSVersion.TLSv1_1,
    "TLSv1.2": ssl.TLSVersion.TLSv1_2, "TLSv1.3": ssl.TLSVersion.TLSv1_3,
}

#: Node's ``secureProtocol`` methods (its SecureContext::Init): each family's
#: versions, ``None`` keeping the minimum ``tls.DEFAULT_MIN_VERSION`` gives.
#: ``<family>_method`` serves both sides, ``<family>_server_method`` and
#: ``<family>_client_method`` one.
_METHOD_FAMILIES = {
    "SSLv23": (None, ssl.TLSVersion.TLSv1_2),
    "TLS": (ssl.TLSVersion.MINIMUM_SUPPORTED, ssl.TLSVersion.TLSv1_3),
    "TLSv1": (ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1),
    "TLSv1_1": (ssl.TLSVersion.TLSv1_1, ssl.TLSVersion.TLSv1_1),
    "TLSv1_2": (ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_2),
}
#: Method name -> (minimum, maximum, the one side it serves or ``None``).
_METHODS = {"%s_%smethod" % (family, side + "_" if side else ""): versions + (side,)
            for family, versions in _METHOD_FAMILIES.items() for side in (None, "server", "client")}

#: Node's option keys that a secure context reads.
CONTEXT_KEYS = frozenset((
    "key", "cert", "ca", "pfx", "passphrase", "ciphers", "ecdhCurve", "minVersion", "maxVersion",
    "honorCipherOrder", "secureOptions", "dhparam", "sigalgs", "crl", "secureProtocol",
    "sessionIdContext", "ticketKeys", "sessionTimeout", "privateKeyEngine", "privateKeyIdentifier",
    "clientCertEngine", "allowPartialTrustChain",
))

_BUFFER_TYPES = ["string", "Buffer", "TypedArray", "DataView"]


def _module_default(name):
    # The module's current value: gnet.tls re-exports these and a program may
    # set them there (tls.DEFAULT_MIN_VERSION = 'TLSv1.3'), as in Node.
    import gnet.tls as _tls
    return getattr(_tls, name, globals()[name])


def _check_buffers(value, name):
    """Node's validation of ``ca``/``crl``: a string, a Buffer, or an array of them."""
    items = value if isinstance(value, (list, tuple)) else [value]
    out = []
    for item in items:
        if not isinstance(item, (str, bytes, bytearray, memoryview)):
            raise _jserrors.ERR_INVALID_ARG_TYPE(name, _BUFFER_TYPES, item)
        out.append(item)
    return out


def check_ticket_keys(value, name):
    """Node's check of ticket keys: a Buffer (bytes-like) of exactly 48 bytes;
    the bytes."""
    if not isinstance(value, (bytes, bytearray, memoryview)):
        raise _jserrors.ERR_INVALID_ARG_TYPE(name, ["Buffer", "TypedArray", "DataView"], value)
    data = bytes(value)
    if len(data) != _openssl.TICKET_KEYS_SIZE:
        raise _jserrors.ERR_INVALID_ARG_VALUE(name, len(data), "must be exactly 48 bytes")
    return data


def _as_bytes(item):
    if isinstance(item, str):
        return item.encode("utf-8")
    return bytes(item)


class GnetSSLContext(ssl.SSLContext):
    """The ``ssl.SSLContext`` of a gnet SecureContext (``secureContext.context``).

    One that trusts the system's roots shares the process's store of them,
    as Node's contexts share theirs (gnet/tls/_openssl/roots.py). Loading
    certificates into it (``load_verify_locations``, ``load_default_certs``,
    ``set_default_verify_paths``) first gives it a store of its own with the
    same roots, as Node's ``addCACert`` does, so no other context's trust
    changes."""

    def load_verify_locations(self, cafile=None, capath=None, cadata=None):
        _openssl.own_store(self)
        super().load_verify_locations(cafile, capath, cadata)

    def load_default_certs(self, purpose=ssl.Purpose.SERVER_AUTH):
        _openssl.own_store(self)
        super().load_default_certs(purpose)

    def set_default_verify_paths(self):
        _openssl.own_store(self)
        super().set_default_verify_paths()


class _MemFile:
    """PEM bytes behind a path that ``ssl`` can open: an anonymous in-memory
    file where Linux has ``memfd_create``, else a private temporary file."""

    def __init__(self, data):
        self._fd = None
        self._tmp = None
        if hasattr(os, "memfd_create"):
            self._fd = os.memfd_create("gnet-tls", 0)
            os.write(self._fd, data)
            self.path = "/proc/self/fd/%d" % self._fd
        else:
            fd, self._tmp = tempfile.mkstemp(prefix="gnet-tls-")
            os.write(fd, data)
            os.close(fd)
            self.path = self._tmp

    def __enter__(self):
        return self.path

    def __exit__(self, *exc):
        if self._fd is not None:
            os.close(self._fd)
        if self._tmp is not None:
            os.unlink(self._tmp)


def _version(value, which):
    if value is None:
        return None
    if not isinstance(value, str) or value not in _VERSIONS:
        raise _errors.ERR_TLS_INVALID_PROTOCOL_VERSION(value, which)  # noqa: F821 - generated
    return _VERSIONS[value]


def _protocol_method(secure_protocol, min_version, max_version):
    """Node's ``secureProtocol`` (createSecureContext, then SecureContext::Init):
    ``(minimum, maximum, side)`` for a method's name, ``None`` when it names
    none (Node ignores a value that is not a string). A truthy one conflicts
    with ``minVersion`` and ``maxVersion``."""
    if _values.js_truthy(secure_protocol):
        for version in (min_version, max_version):
            if version is not None:
                raise _errors.ERR_TLS_PROTOCOL_VERSION_CONFLICT(version, secure_protocol)  # noqa: F821
    if not isinstance(secure_protocol, str):
        return None
    method = _METHODS.get(secure_protocol)
    if method is None:
        family = secure_protocol.split("_", 1)[0]
        if family in ("SSLv2", "SSLv3") and secure_protocol in (
                family + "_method", family + "_server_method", family + "_client_method"):
            raise _errors.ERR_TLS_INVALID_PROTOCOL_METHOD("%s methods disabled" % family)  # noqa: F821
        raise _errors.ERR_TLS_INVALID_PROTOCOL_METHOD("Unknown method: %s" % secure_protocol)  # noqa: F821
    return method


def _process_ciphers(ciphers):
    """Node's processCiphers: ``(cipher_list, cipher_suites)`` from ``ciphers``
    (``tls.DEFAULT_CIPHERS`` when empty). Entries beginning ``TLS_`` or
    ``!TLS_`` are TLS 1.3 suites, the rest the TLS 1.2 list; empty entries
    are dropped, and nothing left in either is ``ERR_INVALID_ARG_VALUE``
    (compat: tls/ciphers_odd_strings)."""
    entries = (ciphers or _module_default("DEFAULT_CIPHERS")).split(":")
    suites = [e for e in entries if e.startswith(("TLS_", "!TLS_"))]
    rest = [e for e in entries if e and not e.startswith(("TLS_", "!TLS_"))]
    if not suites and not rest:
        raise _jserrors.ERR_INVALID_ARG_VALUE("options.ciphers", entries)
    return ":".join(rest), ":".join(suites)


_DH_PEM = re.compile(rb"-----BEGIN ((?:X9\.42 )?DH PARAMETERS)-----(.*?)-----END \1-----", re.S)


def _dh_prime_bits(pem):
    """The size in bits of the prime of the first PEM DH parameters in ``pem``
    (PKCS #3 or X9.42, as PEM_read_bio_DHparams reads), ``None`` if there are none."""
    match = _DH_PEM.search(pem)
    if match is None:
        return None
    try:
        der = base64.b64decode(b"".join(match.group(2).split()), validate=True)
    except ValueError:
        return None
    # SEQUENCE { INTEGER p, ... }
    pos = 0
    for tag in (0x30, 0x02):
        if pos + 2 > len(der) or der[pos] != tag:
            return None
        length, pos = der[pos + 1], pos + 2
        if length & 0x80:
            n = length & 0x7F
            length, pos = int.from_bytes(der[pos:pos + n], "big"), pos + n
    prime = int.from_bytes(der[pos:pos + length], "big")
    return prime.bit_length() if length and pos + length <= len(der) else None


@_names.alias_class
class SecureContext:
    """Node's ``SecureContext`` (``tls.createSecureContext``): key, certificates,
    trusted CAs, ciphers and protocol versions for either side of a connection.

    ``ssl_context(server_side)`` is the Python ``ssl.SSLContext`` for one side.

    References go one way only, so that dropping a context frees it (and its
    OpenSSL SSL_CTX, trust store included) at once, not when Python's cycle
    collector next runs: the SecureContext holds its client side's
    ``ssl.SSLContext`` (``context``), which holds the server side's once made
    (``gnet_server_side``); each ``ssl.SSLContext`` holds the ``_Recipe``
    it was made from (``gnet_recipe``: the checked options, the certificate,
    the ticket keys), which holds no context. So ``context`` alone, as an
    SNICallback may answer it, still gives the same server side, and a
    connection's context gives its certificate (``getCertificate``).
    """

    def __init__(self, options=None):
        recipe = self._recipe = _Recipe(options)
        # Made now for the client side, as Node's constructor loads everything
        # at once: bad keys, certificates and cipher lists throw here, each
        # option checked where configSecureContext checks it (_Recipe.make).
        self._context = recipe.make(False)
        # Node checks these last (configSecureContext), after what it loaded.
        recipe.check_last(self._context)

    @property
    def context(self):
        """Node's ``secureContext.context`` (the native one): the client-side ``ssl.SSLContext``."""
        return self._context

    def ssl_context(self, server_side):
        """The ``ssl.SSLContext`` of one side, made on first use."""
        return server_side_of(self._context) if server_side else self._context

    def certificate_der(self):
        """The DER bytes of this context's (first) certificate, else ``None``."""
        return self._recipe.certificate_der()

    @property
    def _ticket_keys(self):
        return self._recipe.ticket_keys


def recipe_of(ssl_context):
    """The ``_Recipe`` an ``ssl.SSLContext`` was made from, ``None`` for one
    gnet did not make."""
    recipe = getattr(ssl_context, "gnet_recipe", None)
    return recipe if isinstance(recipe, _Recipe) else None


def server_side_of(ssl_context):
    """The server side's ``ssl.SSLContext`` of the SecureContext whose native
    context (either side's) is ``ssl_context``, made on first use; ``None``
    for a context gnet did not make."""
    recipe = recipe_of(ssl_context)
    if recipe is None:
        return None
    if ssl_context.protocol == ssl.PROTOCOL_TLS_SERVER:
        return ssl_context
    server = getattr(ssl_context, "gnet_server_side", None)
    if server is None:
        # Held by the client side (the one the SecureContext holds), never
        # the other way: no cycle.
        server = ssl_context.gnet_server_side = recipe.make(True)
    return server


class _Recipe:
    """What a SecureContext's ``ssl.SSLContext`` objects are made from: its
    options as Node checks them, its ticket keys and session timeout. It
    refers to no context (each context refers to it)."""

    def __init__(self, options=None):
        opts = dict(options or {})
        self._options = opts
        # Node checks secureProtocol and the versions before anything else.
        min_version = opts.get("minVersion")
        max_version = opts.get("maxVersion")
        method = _protocol_method(opts.get("secureProtocol"), min_version, max_version)
        self._min = _version(min_version if min_version is not None else _module_default("DEFAULT_MIN_VERSION"),
                             "minimum")
        self._max = _version(max_version if max_version is not None else _module_default("DEFAULT_MAX_VERSION"),
                             "maximum")
        #: The one side secureProtocol's method serves ('server', 'client'), else None.
        self._method_side = None
        if method is not None:
            low, self._max, self._method_side = method
            if low is not None:
                self._min = low
        # Then the ciphers, before anything configSecureContext loads.
        ciphers = opts.get("ciphers")
        if ciphers is not None and not isinstance(ciphers, str):
            raise _jserrors.ERR_INVALID_ARG_TYPE("options.ciphers", "string", ciphers)
        self._cipher_list, self._cipher_suites = _process_ciphers(ciphers)
        cert = opts.get("cert")
        #: Node's ``cert`` as a list (each item checked when it is loaded).
        self._certs = (list(cert) if isinstance(cert, (list, tuple)) else [cert]) if _values.js_truthy(cert) else []
        self._session_timeout = None
        #: Whether a context was made yet (the small DH group warning is given once).
        self._made = False
        #: Node's ticket keys of this context, both sides' (random until ``ticketKeys``).
        self.ticket_keys = _openssl.TicketKeys()

    def check_last(self, first):
        """Node's last checks (configSecureContext), once the first context
        (``first``) is made: ``ticketKeys`` and ``sessionTimeout``."""
        opts = self._options
        ticket_keys = opts.get("ticketKeys")
        if ticket_keys is not None:
            self.ticket_keys.set(check_ticket_keys(ticket_keys, "options.ticketKeys"))
        timeout = opts.get("sessionTimeout")
        if timeout is not None:
            _values.validate_int32(timeout, "options.sessionTimeout", 0)
            self._session_timeout = int(timeout)
            _openssl.set_session_timeout(first, self._session_timeout)

    def make(self, server_side):
        """A new ``ssl.SSLContext`` for one side, holding this recipe."""
        ctx = self._make(server_side)
        self._made = True
        ctx.gnet_recipe = self      # getCertificate(), the ticket keys, SNI's server side
        return ctx

    def certificate_der(self):
        """The DER bytes of this context's (first) certificate, else ``None``."""
        for cert in self._certs:
            pem = _as_bytes(cert).decode("ascii", "replace")
            start = pem.find("-----BEGIN CERTIFICATE-----")
            end = pem.find("-----END CERTIFICATE-----", start)
            if start >= 0 and end > start:
                return ssl.PEM_cert_to_DER_cert(pem[start:end + len("-----END CERTIFICATE-----")])
        return None

    def _make(self, server_side):
        opts = self._options
        ctx = GnetSSLContext(ssl.PROTOCOL_TLS_SERVER if server_side else ssl.PROTOCOL_TLS_CLIENT)
        if self._method_side is not None and self._method_side != ("server" if server_side else "client"):
            # A one-sided secureProtocol on the other side: OpenSSL refuses
            # the handshake, as with Node's context (first: it resets the ciphers).
            _openssl.use_method(ctx, self._method_side)
        # Node verifies after the handshake (gnet/tls/socket.py): the client's
        # handshake never fails on the peer's certificate, nor on its name.
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        # Node's VerifyCallback accepts every certificate, so OpenSSL goes on
        # checking the chain after a first error: the result it keeps is the
        # last one (UNABLE_TO_VERIFY_LEAF_SIGNATURE, not ..._GET_ISSUER_CERT_LOCALLY).
        _openssl.accept_any_certificate(ctx)
        # Node's session cache: OpenSSL stores no session itself (the
        # 'session', 'newSession' and 'resumeSession' events do, gnet/tls/_openssl/).
        _openssl.session_cache_mode(ctx)
        # Node's contexts let a client renegotiate (OpenSSL 3 does not by
        # default); Node's TLSSocket counts and limits it (gnet/tls/socket.py).
        _openssl.allow_client_renegotiation(ctx)
        try:
            with warnings.catch_warnings():
                # Python deprecates TLS 1.0 and 1.1; Node takes them silently
                # (OpenSSL's security level refuses them in the handshake).
                warnings.simplefilter("ignore", DeprecationWarning)
                if self._min is not None:
                    ctx.minimum_version = self._min
                if self._max is not None:
                    ctx.maximum_version = self._max
        except ValueError as exc:
            raise _errors.OpenSSLError("ERR_SSL_UNSUPPORTED_PROTOCOL", str(exc)) from None
        # Node's contexts start at OpenSSL's default security level, 1, where
        # Python's start at 2 (its default cipher string): a 1024-bit dhparam
        # works in Node (compat: tls/dhparam_auto_bad_and_small). A
        # '@SECLEVEL=n' in ``ciphers`` changes it next, as in Node.
        _openssl.set_security_level(ctx, 1)
        if opts.get("honorCipherOrder"):
            ctx.options |= ssl.OP_CIPHER_SERVER_PREFERENCE
        if opts.get("secureOptions"):
            ctx.options |= int(opts["secureOptions"])
        self._set_ciphers(ctx, self._cipher_list, self._cipher_suites)
        # From here in configSecureContext's order: its first error is the one
        # thrown (compat: tls/create_secure_context_key_cert_errors).
        self._load_ca(ctx)
        if _values.js_truthy(opts.get("allowPartialTrustChain")):
            # Node's setAllowPartialTrustChain: a certificate of ``ca`` (an
            # intermediate too) is enough to trust a chain that reaches it.
            ctx.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
        self._load_certs(ctx)
        self._load_keys(ctx)
        sigalgs = opts.get("sigalgs")
        if sigalgs is not None:
            if not isinstance(sigalgs, str):
                raise _jserrors.ERR_INVALID_ARG_TYPE("options.sigalgs", "string", sigalgs)
            if sigalgs == "":
                raise _jserrors.ERR_INVALID_ARG_VALUE("options.sigalgs", "")
            if not _openssl.set_sigalgs(ctx, sigalgs):
                # Node's error here has no code: OpenSSL left nothing in its queue.
                raise _errors.OpenSSLError(None, "error:00000000:lib(0)::reason(0)")
        self._use_engine_key(ctx)
        curve = opts.get("ecdhCurve")
        if curve is not None and not isinstance(curve, str):
            raise _jserrors.ERR_INVALID_ARG_TYPE("options.ecdhCurve", "string", curve)
        curve = curve or DEFAULT_ECDH_CURVE
        if curve != "auto" and not _openssl.set_groups(ctx, curve):
            raise _errors.OpenSSLError("ERR_CRYPTO_OPERATION_FAILED", "Failed to set ECDH curve")
        self._set_dh_param(ctx)
        crls = _check_buffers(opts["crl"], "options.crl") if opts.get("crl") is not None else []
        if crls:
            for crl in crls:
                if not _openssl.add_crl(ctx, _as_bytes(crl)):
                    raise _errors.OpenSSLError("ERR_CRYPTO_OPERATION_FAILED", "Failed to parse CRL")
            # Node's AddCRL: X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL.
            ctx.verify_flags |= ssl.VERIFY_CRL_CHECK_CHAIN
        # Node ties a session to no context on a client and to ``sessionIdContext``
        # on a server (tls.Server gives one by default, gnet/tls/server.py);
        # Python's b'Python' would make a gnet client's sessions unusable to a
        # Node client and the other way.
        sid_ctx = opts.get("sessionIdContext")
        if sid_ctx is not None and not isinstance(sid_ctx, str):
            raise _jserrors.ERR_INVALID_ARG_TYPE("options.sessionIdContext", "string", sid_ctx)
        self._set_session_id_context(ctx, sid_ctx.encode("utf-8") if sid_ctx is not None else b"")
        if opts.get("pfx") is not None:
            self._load_pfx(ctx, opts["pfx"], opts.get("passphrase"))
        self._use_client_cert_engine(ctx)
        if self._session_timeout is not None:
            _openssl.set_session_timeout(ctx, self._session_timeout)
        _openssl.use_ticket_keys(ctx, self.ticket_keys)
        return ctx

    def _set_dh_param(self, ctx):
        """Node's ``dhparam`` (SecureContext::SetDHParam): ``'auto'`` lets OpenSSL
        choose a group as strong as the key; PEM parameters OpenSSL cannot read
        are ignored (no DHE, as in Node); a group under 1024 bits throws, one
        under 2048 warns (once per context: compat tls/dhparam_auto_bad_and_small)."""
        dhparam = self._options.get("dhparam")
        if dhparam is None:
            return
        if not isinstance(dhparam, (str, bytes, bytearray, memoryview)):
            raise _jserrors.ERR_INVALID_ARG_TYPE("options.dhparam", _BUFFER_TYPES, dhparam)
        if dhparam == "auto":
            _openssl.set_dh_auto(ctx)
            return
        data = _as_bytes(dhparam)
        bits = _dh_prime_bits(data)
        if bits is None:
            return
        if bits < 1024:
            raise _errors.dh_param_too_small()
        with _MemFile(data) as path:
            try:
                ctx.load_dh_params(path)
            except ssl.SSLError as exc:
                if getattr(exc, "library", None) == "SSL":
                    raise _errors.OpenSSLError("ERR_CRYPTO_OPERATION_FAILED",
                                               "Error setting temp DH parameter") from None
                return      # read as a group here but not by OpenSSL: ignored, as Node's
        if bits < 2048 and not self._made:
            warnings.warn(_errors.dh_param_small_warning(), stacklevel=_jserrors.warning_stacklevel())

    @staticmethod
    def _set_session_id_context(ctx, sid_ctx):
        if not _openssl.set_session_id_context(ctx, sid_ctx):
            raise _errors.session_id_context_too_long()

    @staticmethod
    def _set_ciphers(ctx, cipher_list, cipher_suites):
        """Node's ``ciphers`` as ``_process_ciphers`` split it: the TLS 1.3 suites
        (SSL_CTX_set_ciphersuites, when any), then the rest (SSL_CTX_set_cipher_list,
        always: an empty list clears the TLS 1.2 ciphers, which OpenSSL
        reports as no match and Node does not count as an error)."""
        no_match = _errors.OpenSSLError("ERR_SSL_NO_CIPHER_MATCH", "error:SSL routines::no cipher match",
                                        "SSL routines", "no cipher match")
        if cipher_suites and not _openssl.set_ciphersuites(ctx, cipher_suites):
            raise no_match
        try:
            ctx.set_ciphers(cipher_list)
        except ssl.SSLError:
            if cipher_list:
                raise no_match from None
        # As Node v20: no cipher but TLS 1.3 suites keeps the connection at
        # TLS 1.3; no TLS 1.3 suite named leaves OpenSSL's default suites to
        # TLS 1.3 (compat: tls/psk_tls12_cipher_list_still_offers_tls13).
        if not cipher_list and ctx.minimum_version < ssl.TLSVersion.TLSv1_3 <= ctx.maximum_version:
            ctx.minimum_version = ssl.TLSVersion.TLSv1_3

    def _load_ca(self, ctx):
        """Node's ``ca`` (configSecureContext's addCACerts): a falsy one keeps
        the default roots; otherwise the context trusts only what it names, a
        string or Buffer or an array of them, each item checked just before
        it is read and read as Node's ``addCACert`` reads it: every PEM
        certificate up to the first block that cannot be read, nothing else
        (no DER), and no error for an item that holds none (compat:
        tls/ca_option_bad_items)."""
        ca = self._options.get("ca")
        if not _values.js_truthy(ca):
            # Node's default trust: its root certificates, one store for
            # every context; here the system's, shared likewise.
            if not _openssl.share_roots(ctx):
                ctx.load_default_certs(ssl.Purpose.SERVER_AUTH)
            return
        for item in ca if isinstance(ca, (list, tuple)) else [ca]:
            if not isinstance(item, (str, bytes, bytearray, memoryview)):
                raise _jserrors.ERR_INVALID_ARG_TYPE("options.ca", _BUFFER_TYPES, item)
            _openssl.add_ca_certs(ctx, _as_bytes(item))

    def _load_certs(self, ctx):
        """Node's setCerts: each certificate (a string or Buffer, with the
        chain after it) loaded as SecureContext::SetCert loads it, the first
        one OpenSSL refuses thrown as its error."""
        for cert in self._certs:
            if not isinstance(cert, (str, bytes, bytearray, memoryview)):
                raise _jserrors.ERR_INVALID_ARG_TYPE("options.cert", _BUFFER_TYPES, cert)
            failure = _openssl.use_certificate_chain_pem(ctx, _as_bytes(cert))
            if failure is not None:
                raise _errors.crypto_error(failure, "ERR_CRYPTO_OPERATION_FAILED")

    def _load_keys(self, ctx):
        """Node's setKey, after the certificates: ``key`` (a string or
        Buffer) with ``passphrase``, or each of an array, whose items may be
        ``{'pem': ..., 'passphrase': ...}``; loaded as SecureContext::SetKey
        loads it, so a key that does not match the certificate throws here."""
        key = self._options.get("key")
        if not _values.js_truthy(key):
            return
        passphrase = self._options.get("passphrase")
        if isinstance(key, (list, tuple)):
            items = [(item["pem"] if isinstance(item, dict) and item.get("pem") is not None else item,
                      item["passphrase"] if isinstance(item, dict) and item.get("passphrase") is not None
                      else passphrase) for item in key]
        else:
            items = [(key, passphrase)]
        for pem, key_pass in items:
            if not isinstance(pem, (str, bytes, bytearray, memoryview)):
                raise _jserrors.ERR_INVALID_ARG_TYPE("options.key", _BUFFER_TYPES, pem)
            if key_pass is not None and not isinstance(key_pass, str):
                raise _jserrors.ERR_INVALID_ARG_TYPE("options.passphrase", "string", key_pass)
            # Node's PasswordCallback gives an empty passphrase when none was set.
            failure = _openssl.use_private_key(ctx, _as_bytes(pem),
                                               key_pass.encode("utf-8") if key_pass is not None else b"")
            if failure is not None:
                raise _errors.crypto_error(failure)

    # ------------------------------------------------------------------
    # OpenSSL engines (Node's setEngineKey, setClientCertEngine)

    def _use_engine_key(self, ctx):
        """Node's ``privateKeyIdentifier``/``privateKeyEngine``: the private key
        that engine loads for that identifier (checked as configSecureContext
        checks them)."""
        opts = self._options
        key_id = opts.get("privateKeyIdentifier")
        if key_id is None:
            return
        engine_id = opts.get("privateKeyEngine")
        if engine_id is None:
            raise _jserrors.ERR_INVALID_ARG_VALUE("options.privateKeyEngine", engine_id)
        if _values.js_truthy(opts.get("key")):
            # Both a key and an engine's key: Node refuses the identifier.
            raise _jserrors.ERR_INVALID_ARG_VALUE("options.privateKeyIdentifier", key_id)
        if not isinstance(key_id, str):
            raise _jserrors.ERR_INVALID_ARG_TYPE("options.privateKeyIdentifier", ["string", "null", "undefined"],
                                                 key_id)
        if not isinstance(engine_id, str):
            raise _jserrors.ERR_INVALID_ARG_TYPE("options.privateKeyEngine", ["string", "null", "undefined"],
                                                 engine_id)
        failure = _openssl.use_engine_key(ctx, _load_engine(engine_id), key_id)
        if failure == "init":
            raise _errors.OpenSSLError("ERR_CRYPTO_OPERATION_FAILED", "Failure to initialize engine")
        if failure is not None:
            raise _crypto_error(failure)

    def _use_client_cert_engine(self, ctx):
        """Node's ``clientCertEngine``: the engine that gives a client its
        certificate when a server asks for one."""
        engine_id = self._options.get("clientCertEngine")
        if engine_id is None:
            return
        if not isinstance(engine_id, str):
            raise _jserrors.ERR_INVALID_ARG_TYPE("options.clientCertEngine", ["string", "null", "undefined"],
                                                 engine_id)
        failure = _openssl.use_client_cert_engine(ctx, _load_engine(engine_id))
        if failure is not None:
            raise _crypto_error(failure)

    @staticmethod
    def _load_pfx(ctx, pfx, passphrase):
        try:
            from cryptography.hazmat.primitives.serialization import (
                Encoding, NoEncryption, PrivateFormat, pkcs12)
        except ImportError:
            raise NotImplementedError(
                "gnet.tls reads a pfx (PKCS#12) with the 'cryptography' package, which is not "
                "installed; Python's ssl cannot load PKCS#12 itself") from None
        items = pfx if isinstance(pfx, (list, tuple)) else [pfx]
        for item in items:
            pw = passphrase
            if isinstance(item, dict):
                pw = item.get("passphrase", passphrase)
                item = item.get("buf")
            try:
                key, cert, extra = pkcs12.load_key_and_certificates(
                    _as_bytes(item), _as_bytes(pw) if pw is not None else None)
            except ValueError as exc:
                raise _errors.OpenSSLError("ERR_CRYPTO_OPERATION_FAILED", str(exc)) from None
            chain = cert.public_bytes(Encoding.PEM) + b"".join(c.public_bytes(Encoding.PEM) for c in extra or ())
            key_pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
            with _MemFile(chain) as cert_path, _MemFile(key_pem) as key_path:
                ctx.load_cert_chain(cert_path, key_path)


#: ``SSL_CTX_set_session_id_context``, a too long one thrown as Node's error.
set_session_id_context = _Recipe._set_session_id_context


def _load_engine(engine_id):
    """Node's ``LoadEngineById``; its failure is Node's error of OpenSSL's
    queue (no ``code``: the oldest error is the message, the others
    ``opensslErrorStack``)."""
    if not _openssl.engines_available:
        raise _errors.ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED()  # noqa: F821 - generated
    engine, queued = _openssl.load_engine(engine_id)
    if engine is None:
        raise _errors.error_store(queued or ['Engine "%s" was not found' % engine_id])
    return engine


def _crypto_error(failure):
    """Node's ``ThrowCryptoError`` for an engine's step OpenSSL refused, from
    ``(message, library, reason)``."""
    message, library, reason = failure
    if library is None and reason is None:
        return _errors.OpenSSLError(None, message)
    return _errors.queued_error(message, library, reason)


def createSecureContext(options=None, **kwargs):
    """Node's ``tls.createSecureContext([options])``:
    https://nodejs.org/docs/latest-v20.x/api/tls.html#tlscreatesecurecontextoptions"""
    _options.check_keywords(kwargs, CONTEXT_KEYS, "createSecureContext")
    if not _values.js_truthy(options) or isinstance(options, (bytes, bytearray, memoryview)):
        opts = {}                       # Node's kEmptyObject; a Buffer is an object with no options
    elif isinstance(options, dict):
        opts = dict(options)
    else:
        raise _jserrors.ERR_INVALID_ARG_TYPE("options", "object", options)
    for key, value in kwargs.items():
        opts[_names.node_key(key, CONTEXT_KEYS)] = value
    return SecureContext({_names.node_key(k, CONTEXT_KEYS): v for k, v in opts.items()})


def getCiphers():
    """Node's ``tls.getCiphers()``: the names of the supported ciphers, lower case, sorted."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.set_ciphers("ALL")
    names = {c["name"].lower() for c in ctx.get_ciphers()}
    return sorted(names)


_root_certificates = None


def root_certificates():
    """The PEM text of every trusted root certificate (Node's ``tls.rootCertificates``:
    here the system's store, which Python's ``ssl`` trusts by default)."""
    global _root_certificates
    if _root_certificates is None:
        ctx = _openssl.root_context()
        if ctx is None:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.load_default_certs()
        _root_certificates = tuple(ssl.DER_cert_to_PEM_cert(der) for der in ctx.get_ca_certs(binary_form=True))
    return _root_certificates
