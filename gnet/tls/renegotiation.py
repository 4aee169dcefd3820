"""``TLSSocket``'s renegotiation (TLS 1.2): the handshakes after the first,
as Node's ``SSLInfoCallback`` reports them, the server's count of those a
client starts (``tls.CLIENT_RENEG_LIMIT`` within ``tls.CLIENT_RENEG_WINDOW``,
``disableRenegotiation()``), and ``renegotiate()`` from this end.

A mixin of ``TLSSocket`` (gnet/tls/socket.py, its only user), whose state it
reads and keeps: ``_renegotiations`` (the last start, in ms, and the starts
counted in the window), ``_renegotiation_disabled``, and
``_request_cert``/``_reject_unauthorized`` (``renegotiate()``'s options,
else the config's). The TLS handle collects the starts and ends inside
OpenSSL and hands them over once the step returns
(``_on_handle_handshakes``).
"""

import time

from gnet.eventloop.loop import nextTick
from gnet.js import arity as _arity
from gnet.js import errors as _jserrors
from gnet.js import names as _names
from gnet.js import values as _values
from gnet.net import options as _options
from gnet.tls import _openssl
from gnet.tls import errors as _errors
from gnet.tls.handle import TLSHandle
from gnet.tls.options import RENEGOTIATE_KEYS

__all__ = ["Renegotiation", "now_ms"]


def now_ms():
    """The monotonic clock in ms, as Node's ``Date.now()`` serves its count."""
    return time.monotonic() * 1000


@_names.alias_class
class Renegotiation:
    """``TLSSocket``'s renegotiation methods (see the module)."""

    _renegotiations = None          # [last start (ms), starts in the window] on a server's side
    _renegotiation_disabled = False
    _request_cert = None            # renegotiate()'s requestCert, else the config's (Node's _requestCert)
    _reject_unauthorized = None     # renegotiate()'s rejectUnauthorized, else the config's

    def _on_handle_handshakes(self, batch):
        """Handshakes after the first (TLS 1.2 renegotiation), as Node's
        ``SSLInfoCallback`` reports them: a start, on a server, is counted
        (``onhandshakestart``: more than ``tls.CLIENT_RENEG_LIMIT`` within
        ``tls.CLIENT_RENEG_WINDOW`` seconds is ERR_TLS_SESSION_ATTACK, and any
        after ``disableRenegotiation()`` is ERR_TLS_RENEGOTIATION_DISABLED); an
        end is 'secure' again (``_finishInit``), after Node's own listener:
        a tls.connect client checks the server and emits 'secureConnect' again,
        a tls.Server's socket checks a requested certificate again."""
        config = self._config()
        for event in batch:
            handle = self._handle
            if handle is None or not isinstance(handle, TLSHandle):
                return
            if event == _openssl.HANDSHAKE_START:
                if config.server_side:
                    self._on_handshake_start()
                continue
            self.alpnProtocol = handle.ssl.selected_alpn_protocol() or False
            emit_secure = self._secure_emitter()
            if config.server_side:
                request_cert, reject_unauthorized = self._verify_settings(config)
                if self._tls is None and request_cert:
                    err = self._verify_error()
                    if err is not None:
                        self.authorizationError = err.code
                        if reject_unauthorized:
                            self.destroy()
                    else:
                        self.authorized = True
            elif self._connect_opts is not None:
                self._on_connect_secure()
            emit_secure()

    def _on_handshake_start(self):
        # Node's onhandshakestart: lastHandshakeTime, handshakes.
        import gnet.tls as _tls
        now = now_ms()
        counts = self._renegotiations
        if counts is None:
            self._renegotiations = [now, 0]
            return
        last, counts[0] = counts[0], now
        if now - last >= _tls.CLIENT_RENEG_WINDOW * 1000:
            counts[1] = 1
        else:
            counts[1] += 1
        if counts[1] > _tls.CLIENT_RENEG_LIMIT:
            self._emit_tls_error(_errors.ERR_TLS_SESSION_ATTACK())  # noqa: F821 - generated
            return
        if self._renegotiation_disabled:
            self._emit_tls_error(_errors.ERR_TLS_RENEGOTIATION_DISABLED())  # noqa: F821 - generated

    def renegotiate(self, options=None, callback=None, **kwargs):
        """Node's ``tlsSocket.renegotiate(options, callback)``:
        https://nodejs.org/docs/latest-v20.x/api/tls.html#tlssocketrenegotiateoptions-callback

        Starts a TLS 1.2 renegotiation from this end and returns ``True``;
        ``callback(None)`` when it is done ('secure' again). ``options``
        (a dict, or keyword arguments): ``rejectUnauthorized`` and
        ``requestCert``, which a server's side applies to the new handshake
        (ask the client for a certificate, refuse it without a good one).
        Under TLS 1.3, which has none, returns ``False`` and ``callback`` gets
        OpenSSL's error (``ERR_SSL_WRONG_SSL_VERSION``) on the next tick. A
        destroyed socket returns ``None`` and never calls back.

        Differs from Node: called before the first handshake is done, it
        raises (Node's OpenSSL fails the connection with
        ERR_SSL_INTERNAL_ERROR; docs/differences.md)."""
        if kwargs:
            _options.check_keywords(kwargs, RENEGOTIATE_KEYS, "renegotiate")
            options = dict(options, **kwargs) if isinstance(options, dict) else \
                dict(kwargs) if options is None else options
        if not isinstance(options, dict):
            raise _jserrors.ERR_INVALID_ARG_TYPE("options", "object", options)
        if callback is not None:
            callback = _arity.adapt(_values.validate_function(callback, "callback"))
        if self._destroyed:
            return None
        handle = self._handle
        if handle is None or not isinstance(handle, TLSHandle) or handle.ssl is None or not self._secure_done:
            raise NotImplementedError(
                "gnet.tls starts a renegotiation only once the first handshake is done "
                "(tlsSocket.renegotiate before 'secure')")
        opts = {_names.node_key(key, RENEGOTIATE_KEYS): value for key, value in options.items()}
        config = self._config()
        request_cert, reject_unauthorized = self._verify_settings(config)
        if opts.get("requestCert") is not None:
            request_cert = _options.js_truthy(opts["requestCert"])
        if opts.get("rejectUnauthorized") is not None:
            reject_unauthorized = _options.js_truthy(opts["rejectUnauthorized"])
        if (request_cert, reject_unauthorized) != self._verify_settings(config):
            # Node's setVerifyMode: a server's side asks (or stops asking) for
            # the client's certificate; a client's stays SSL_VERIFY_NONE, as
            # Node's (its server is judged after the handshake either way).
            if config.server_side:
                _openssl.set_verify_mode(handle.ssl, request_cert, reject_unauthorized)
            self._request_cert, self._reject_unauthorized = request_cert, reject_unauthorized
        refused = handle.renegotiate()
        if refused is not None:
            if callback is not None:
                nextTick(callback, _errors.queued_error(*refused))
            return False
        if callback is not None:
            self.once("secure", lambda: callback(None))
        return True

    def _verify_settings(self, config):
        """Node's ``_requestCert``/``_rejectUnauthorized``: what a server's
        side checks after each handshake (``renegotiate()`` may change them)."""
        request_cert = self._request_cert
        if request_cert is None:
            request_cert = bool(config.request_cert) or not config.server_side
        reject_unauthorized = self._reject_unauthorized
        if reject_unauthorized is None:
            reject_unauthorized = bool(config.reject_unauthorized)
        return request_cert, reject_unauthorized

    def disableRenegotiation(self):
        """Node's: a renegotiation the client starts from now on is the
        socket's 'error' ERR_TLS_RENEGOTIATION_DISABLED (on a server's side)."""
        self._renegotiation_disabled = True
