"""Shared fixtures: a deadline for every test, hub errors made fatal, and the
TLS tests' certificates (tests/tlshelpers.py)."""
import gevent
import pytest

import tlshelpers

#: Seconds a test may take before it fails; a guard, never a wait.
DEADLINE = 20


@pytest.fixture(autouse=True)
def _deadline():
    """Fail a test that takes longer than DEADLINE, without keeping the loop alive."""
    timeout = gevent.Timeout(DEADLINE, ref=False)
    timeout.start()
    try:
        yield
    finally:
        timeout.close()


@pytest.fixture(autouse=True)
def _hub_errors_fail_the_test():
    """Any exception that reaches gevent's hub as an error fails the test that caused it."""
    hub = gevent.get_hub()
    seen = []
    original = hub.handle_error

    def handle_error(context, type_, value, tb):
        # Except what gevent itself counts as no error (hub.NOT_ERROR) and never
        # prints: its thread-pool resolver reports every failed getaddrinfo here
        # (a gaierror) as well as raising it to the caller, which gnet turns
        # into ENOTFOUND. A test that really looks a name up must not fail on it.
        if not isinstance(value, hub.NOT_ERROR):
            seen.append(value)
        return original(context, type_, value, tb)

    hub.handle_error = handle_error
    try:
        yield
    finally:
        hub.handle_error = original
    if seen:
        pytest.fail("exception reached the hub: %r" % (seen[0],))


@pytest.fixture(scope="session")
def certdir(tmp_path_factory):
    """The directory of the TLS test certificates (compat/tls_certs.py), made once a session."""
    from compat import tls_certs
    return tls_certs.write(str(tmp_path_factory.mktemp("tls-certs")))


@pytest.fixture(scope="session")
def certs(certdir):
    """``certs(name)``: the bytes of one file of ``certdir``; ``certs.path(name)``: its path."""
    return tlshelpers.Certs(certdir)


@pytest.fixture
def server_opts(certs):
    """A TLS server's key and certificate (``localhost``, issued by ``ca.pem``), a new dict each test."""
    return {"key": certs("server-key.pem"), "cert": certs("server-cert.pem")}
