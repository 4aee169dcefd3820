"""A connection's parameters that Python's ``ssl`` does not expose: the
Finished messages (``getFinished``), exported keying material, the TLS 1.3
suites, curves and signature algorithms a context offers, the cipher's IANA
name, the peer's key exchange key and the largest record sent.

- ``SSL_get_finished``/``SSL_get_peer_finished`` (``getFinished``);
- ``SSL_export_keying_material`` (``exportKeyingMaterial``);
- ``SSL_CTX_set_ciphersuites`` (TLS 1.3 suites in ``ciphers``),
  ``SSL_CTX_set1_groups_list`` (a list of curves in ``ecdhCurve``) and
  ``SSL_CTX_set1_sigalgs_list`` (``sigalgs``), ``SSL_CTX_set_dh_auto``
  (``dhparam: 'auto'``), ``SSL_CTX_set_security_level``;
- ``SSL_CIPHER_standard_name`` (``getCipher().standardName``);
- ``SSL_get_peer_tmp_key`` with ``EVP_PKEY_get_id``/``EVP_PKEY_get_bits``
  (``getEphemeralKeyInfo``) and ``SSL_set_max_send_fragment``
  (``setMaxSendFragment``).
"""

import ctypes

from ._core import c_int, c_size_t, c_void_p, c_char_p, ctx_of as _ctx_of, declare, lib as _lib
from ._core import require as _require, ssl_of as _ssl_of

__all__ = ["finished", "peer_finished", "export_keying_material", "set_ciphersuites", "set_groups", "set_sigalgs",
           "set_dh_auto", "set_security_level", "cipher_standard_name", "ephemeral_key_info", "set_max_send_fragment"]

#: ``SSL_CTX_set1_groups_list`` and ``SSL_CTX_set1_sigalgs_list`` are macros over ``SSL_CTX_ctrl``.
_SSL_CTRL_SET_GROUPS_LIST = 92
_SSL_CTRL_SET_SIGALGS_LIST = 98
#: ``SSL_CTX_set_dh_auto`` is a macro over ``SSL_CTX_ctrl``.
_SSL_CTRL_SET_DH_AUTO = 118
#: ``SSL_get_peer_tmp_key`` and ``SSL_set_max_send_fragment`` are macros over ``SSL_ctrl``.
_SSL_CTRL_GET_PEER_TMP_KEY = 109
_SSL_CTRL_SET_MAX_SEND_FRAGMENT = 52
#: ``EVP_PKEY_DH``, ``EVP_PKEY_EC``, ``EVP_PKEY_X25519``, ``EVP_PKEY_X448`` (their NIDs).
_EVP_PKEY_DH, _EVP_PKEY_EC, _EVP_PKEY_X25519, _EVP_PKEY_X448 = 28, 408, 1034, 1035

declare("SSL_get_finished", c_size_t, c_void_p, c_void_p, c_size_t)
declare("SSL_get_peer_finished", c_size_t, c_void_p, c_void_p, c_size_t)
declare("SSL_export_keying_material", c_int, c_void_p, c_void_p, c_size_t, c_char_p, c_size_t, c_char_p,
        c_size_t, c_int)
declare("SSL_CTX_set_ciphersuites", c_int, c_void_p, c_char_p)
declare("SSL_get_current_cipher", c_void_p, c_void_p)
declare("SSL_CTX_set_security_level", None, c_void_p, c_int)
declare("SSL_CIPHER_standard_name", c_char_p, c_void_p)
# OpenSSL 3 names them EVP_PKEY_get_id/_get_bits (EVP_PKEY_id/_bits are macros there).
_pkey_id = declare(("EVP_PKEY_get_id", "EVP_PKEY_id"), c_int, c_void_p)
_pkey_bits = declare(("EVP_PKEY_get_bits", "EVP_PKEY_bits"), c_int, c_void_p)
declare("EVP_PKEY_free", None, c_void_p)
declare("OBJ_nid2sn", c_char_p, c_int)
declare("EVP_PKEY_get1_EC_KEY", c_void_p, c_void_p)
declare("EC_KEY_get0_group", c_void_p, c_void_p)
declare("EC_GROUP_get_curve_name", c_int, c_void_p)
declare("EC_KEY_free", None, c_void_p)


def _finished(fn, sslobj):
    buf = ctypes.create_string_buffer(128)
    n = fn(_ssl_of(sslobj), buf, 128)
    return buf.raw[:n] if n else None


def finished(sslobj):
    """``SSL_get_finished``: the last Finished message this end sent, or ``None``."""
    _require("read the Finished messages (getFinished)")
    return _finished(_lib.SSL_get_finished, sslobj)


def peer_finished(sslobj):
    """``SSL_get_peer_finished``: the last Finished message the peer sent, or ``None``."""
    _require("read the Finished messages (getPeerFinished)")
    return _finished(_lib.SSL_get_peer_finished, sslobj)


def export_keying_material(sslobj, length, label, context):
    """``SSL_export_keying_material`` (RFC 5705): ``length`` bytes, or ``None``
    when OpenSSL refuses."""
    _require("export keying material (SSL_export_keying_material)")
    out = ctypes.create_string_buffer(length)
    ok = _lib.SSL_export_keying_material(
        _ssl_of(sslobj), out, length, label, len(label),
        context, len(context) if context is not None else 0, 1 if context is not None else 0)
    return out.raw if ok == 1 else None


def set_ciphersuites(context, suites):
    """``SSL_CTX_set_ciphersuites``: the TLS 1.3 suites, colon-separated; False if refused."""
    _require("set TLS 1.3 cipher suites (SSL_CTX_set_ciphersuites)")
    return _lib.SSL_CTX_set_ciphersuites(_ctx_of(context), suites.encode("ascii")) == 1


def set_groups(context, groups):
    """``SSL_CTX_set1_groups_list``: the key exchange groups, colon-separated; False if refused."""
    _require("set a list of ECDH curves (SSL_CTX_set1_groups_list)")
    return _lib.SSL_CTX_ctrl(_ctx_of(context), _SSL_CTRL_SET_GROUPS_LIST, 0, groups.encode("ascii")) == 1


def set_sigalgs(context, sigalgs):
    """``SSL_CTX_set1_sigalgs_list`` (Node's ``sigalgs``); False if OpenSSL refuses the list."""
    _require("set the signature algorithms (sigalgs, SSL_CTX_set1_sigalgs_list)")
    ok = _lib.SSL_CTX_ctrl(_ctx_of(context), _SSL_CTRL_SET_SIGALGS_LIST, 0, sigalgs.encode("utf-8")) == 1
    if not ok:
        _lib.ERR_clear_error()      # not left for Python's next ssl call to find
    return ok


def set_dh_auto(context):
    """``SSL_CTX_set_dh_auto(ctx, 1)``: DHE with a built-in group as strong as
    the certificate's key (Node's ``dhparam: 'auto'``)."""
    _require("choose DH parameters automatically (dhparam: 'auto', SSL_CTX_set_dh_auto)")
    return _lib.SSL_CTX_ctrl(_ctx_of(context), _SSL_CTRL_SET_DH_AUTO, 1, None) == 1


def set_security_level(context, level):
    """``SSL_CTX_set_security_level``: OpenSSL's security level (``@SECLEVEL=n``)."""
    _require("set OpenSSL's security level (SSL_CTX_set_security_level)")
    _lib.SSL_CTX_set_security_level(_ctx_of(context), level)


def cipher_standard_name(sslobj):
    """``SSL_CIPHER_standard_name`` of the current cipher (the IANA name), or ``None``."""
    _require("name the cipher in use (SSL_CIPHER_standard_name)")
    cipher = _lib.SSL_get_current_cipher(_ssl_of(sslobj))
    if not cipher:
        return None
    name = _lib.SSL_CIPHER_standard_name(cipher)
    return name.decode("ascii") if name else None


def _curve_name(pkey, kid):
    if kid != _EVP_PKEY_EC:
        return _lib.OBJ_nid2sn(kid)
    ec_key = _lib.EVP_PKEY_get1_EC_KEY(pkey)
    if not ec_key:
        return None
    try:
        return _lib.OBJ_nid2sn(_lib.EC_GROUP_get_curve_name(_lib.EC_KEY_get0_group(ec_key)))
    finally:
        _lib.EC_KEY_free(ec_key)


def ephemeral_key_info(sslobj):
    """Node's ``GetEphemeralKey``: ``{'type', 'name', 'size'}`` of the peer's
    key exchange key (``SSL_get_peer_tmp_key``), ``{}`` without one."""
    _require("read the ephemeral key (SSL_get_peer_tmp_key)")
    pkey = ctypes.c_void_p()
    if not _lib.SSL_ctrl(_ssl_of(sslobj), _SSL_CTRL_GET_PEER_TMP_KEY, 0, ctypes.byref(pkey)) or not pkey.value:
        return {}
    try:
        kid = _pkey_id(pkey)
        bits = _pkey_bits(pkey)
        if kid == _EVP_PKEY_DH:
            return {"type": "DH", "size": bits}
        if kid in (_EVP_PKEY_EC, _EVP_PKEY_X25519, _EVP_PKEY_X448):
            name = _curve_name(pkey, kid)
            return {"type": "ECDH", "name": name.decode("ascii") if name else None, "size": bits}
        return {}
    finally:
        _lib.EVP_PKEY_free(pkey)


def set_max_send_fragment(sslobj, size):
    """``SSL_set_max_send_fragment``: True if OpenSSL took ``size`` (512 to 16384)."""
    _require("set the maximum record size (SSL_set_max_send_fragment)")
    return _lib.SSL_ctrl(_ssl_of(sslobj), _SSL_CTRL_SET_MAX_SEND_FRAGMENT, size, None) == 1
