"""gnet's types: the stubs (``gnet/**/*.pyi``) match the runtime in both spellings,
mypy --strict accepts a program written with Node's idioms and rejects the usual
mistakes, and ``help()`` shows the real parameters of Node's call forms."""
import ast
import functools
import importlib
import inspect
import os
import subprocess
import sys
import textwrap
import venv

import pytest

import gnet
import gnet.tls
from gnet.js import stubgen
from gnet.js.names import snake_case
from gnet.net import options as _options
from gnet.tls import context as _tls_context
from gnet.tls import socket as _tls_socket

mypy_api = pytest.importorskip("mypy.api")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

#: Names a stubbed module lists in ``__all__`` that are gnet's own plumbing,
#: not its API: the stubs leave them out.
INTERNAL = {
    "gnet.eventloop.loop": {"queue_tick", "get_loop", "dispatch", "report", "executor", "spawn",
                            "Served", "Task", "drain_ticks"},
    "gnet.net.connect": {"start", "run", "default_lookup"},
    "gnet.net.addresses": {"address_dict", "host_port_text"},
    "gnet.js.errors": {"system_error", "ended_by_peer_error", "dns_error", "timeout_overflow_warning",
                       "warning_stacklevel", "async_callback_error", "error_name", "js_inspect",
                       "js_number_text", "js_type", "not_a_function"},
    "gnet.tls.socket": {"TLS_KEYS", "tls_options"},
    "gnet.tls.server": {"server_config"},
    "gnet.tls.context": {"root_certificates"},
    "gnet.tls.certificate": {"certificate_dict"},
    "gnet.tls.errors": {"verify_error", "openssl_error", "conn_reset"},
}
#: Submodules that gnet's namespace gives on first use (its module __getattr__),
#: outside ``gnet.__all__`` so that ``from gnet import *`` does not load them:
#: gnet/__init__.pyi re-exports them, so that ``gnet.tls`` is typed.
LAZY_SUBMODULES = {"tls"}
#: Stub classes that declare more than their runtime class, and why.
WIDER_IN_STUB = {
    "gnet.streams.readable.Readable": "a mixin of Duplex at runtime, typed as the EventEmitter it always is",
}
#: Attributes set on each instance by ``__init__`` (not on the class), by class.
INSTANCE_ONLY = {
    "gnet.net.socket.Socket": {"server"},
    "gnet.tls.socket.TLSSocket": {"server"},
    "gnet.eventloop.events.MaxListenersExceededWarning": {"emitter", "type", "count"},
    "gnet.js.errors.AggregateError": {"errors", "code"},
    "gnet.js.errors.AbortError": {"cause"},
    "gnet.js.errors.DOMException": {"name", "code"},
    "gnet.gunicorn.Worker": {"servers", "alive"},
    "gnet.tls.errors.ERR_TLS_CERT_ALTNAME_INVALID": {"reason", "host", "cert"},
    "gnet.tls.errors.TLSVerifyError": {"code"},
    "gnet.tls.errors.OpenSSLError": {"code"},
}


# ---------------------------------------------------------------------------
# Reading the stubs

class StubModule:
    """The names a ``.pyi`` file defines: module level, and per class with its bases."""

    def __init__(self, path):
        self.path = path
        self.name = stubgen.module_name(path)
        with open(path, encoding="utf-8") as f:
            self.tree = ast.parse(f.read())
        self.names = set()
        self.imports = {}           # local name -> dotted origin
        self.gnet_imports = set()   # gnet modules this stub imports
        self.classes = {}           # class name -> (base expressions, names)
        for node in self.tree.body:
            self.names.update(_defined(node))
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = "%s.%s" % (node.module, alias.name)
                    if node.module.startswith("gnet"):
                        self.gnet_imports.add(node.module)
            elif isinstance(node, ast.Import):
                self.gnet_imports.update(a.name for a in node.names if a.name.startswith("gnet"))
            elif isinstance(node, ast.ClassDef):
                names = set()
                for item in node.body:
                    names.update(_defined(item))
                self.classes[node.name] = (node.bases, names)


def _defined(node):
    if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
        return {node.name}
    if isinstance(node, ast.Assign):
        return {t.id for t in node.targets if isinstance(t, ast.Name)}
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return {node.target.id}
    if isinstance(node, ast.ImportFrom):
        # ``from m import x as x`` is a re-export in a stub; a plain import is not.
        return {a.asname for a in node.names if a.asname is not None and a.asname == a.name}
    return set()


@functools.lru_cache(maxsize=None)
def stubs():
    return {module.name: module for module in map(StubModule, stubgen.stub_files())}


def stub_class_names(module_name, class_name):
    """Every name a stub class has, its stub bases' included."""
    module = stubs()[module_name]
    bases, names = module.classes[class_name]
    found = set(names)
    for base in bases:
        if isinstance(base, ast.Name):
            if base.id in module.classes:
                found |= stub_class_names(module_name, base.id)
            elif base.id in module.imports:
                origin, _, name = module.imports[base.id].rpartition(".")
                if origin in stubs():
                    found |= stub_class_names(origin, name)
    return found


def public(names):
    return {n for n in names if not n.startswith("_")}


def runtime_class_names(cls):
    """The public names gnet's own classes in ``cls``'s MRO define (gevent's and
    gunicorn's bases are theirs: the stubs declare what gnet keeps of them)."""
    found = set()
    for klass in cls.__mro__:
        if klass.__module__.startswith("gnet"):
            found |= public(vars(klass))
    return found


def stubbed_classes():
    for module in stubs().values():
        runtime = stubgen.runtime_module(module.name)
        for name in sorted(module.classes):
            if not name.startswith("_") and runtime is not None and isinstance(getattr(runtime, name, None), type):
                yield pytest.param(module.name, name, id="%s.%s" % (module.name, name))


# ---------------------------------------------------------------------------
# (a) runtime names and stub names, in both spellings

def test_the_pep8_twins_in_the_stubs_are_up_to_date(capsys):
    assert stubgen.main(["--check"]) == 0, capsys.readouterr().out


def test_gnet_namespace_and_its_stub_have_the_same_names():
    stub = public(stubs()["gnet"].names) - {"__version__", "compiled"}
    runtime = set(gnet.__all__) | LAZY_SUBMODULES
    assert runtime - stub == set(), "in gnet, missing from gnet/__init__.pyi"
    assert stub - runtime == set(), "in gnet/__init__.pyi, not in gnet.__all__"
    assert LAZY_SUBMODULES.isdisjoint(gnet.__all__)


def test_gnet_tls_is_the_submodule_the_stub_says():
    assert stubs()["gnet"].imports["tls"] == "gnet.tls"
    assert gnet.tls is importlib.import_module("gnet.tls")


def test_every_node_name_in_gnet_tls_has_its_twin_in_the_stub():
    names = stubs()["gnet.tls"].names
    for name in gnet.tls._NODE_NAMES + ["rootCertificates"]:
        assert name in names and snake_case(name) in names, name
    assert gnet.tls.root_certificates == gnet.tls.rootCertificates


def test_every_node_name_in_gnet_has_its_twin_in_the_stub():
    names = stubs()["gnet"].names
    for name in gnet._NODE_NAMES:
        assert name in names and snake_case(name) in names, name


@pytest.mark.parametrize("module_name", sorted(m for m in stubs() if m != "gnet._typing"))
def test_a_stubbed_module_and_its_stub_have_the_same_public_names(module_name):
    module = importlib.import_module(module_name)
    stub = public(stubs()[module_name].names)
    runtime = set(getattr(module, "__all__", ())) - INTERNAL.get(module_name, set())
    assert runtime - stub == set(), "in %s.__all__, missing from its stub" % module_name
    assert {n for n in stub if not hasattr(module, n)} == set(), "in the stub of %s only" % module_name


@pytest.mark.parametrize("module_name, class_name", list(stubbed_classes()))
def test_a_class_and_its_stub_have_the_same_names_in_both_spellings(module_name, class_name):
    cls = getattr(importlib.import_module(module_name), class_name)
    stub = public(stub_class_names(module_name, class_name))
    runtime = runtime_class_names(cls)
    assert runtime - stub == set(), "on %s, missing from its stub" % class_name
    dotted = "%s.%s" % (module_name, class_name)
    if dotted not in WIDER_IN_STUB:
        extra = {n for n in stub if not hasattr(cls, n)} - INSTANCE_ONLY.get(dotted, set())
        assert extra == set(), "in the stub of %s only" % class_name


def test_instance_only_attributes_are_set_on_instances():
    assert gnet.Socket().server is None
    err = gnet.AbortError(cause=1)
    assert err.cause == 1


def test_a_package_init_that_mypy_reads_is_a_stub_or_a_docstring():
    """The exclude of pyproject.toml cannot leave out a package's own __init__.py
    (mypy -p reads each package it walks into): one that imports or defines
    anything needs an __init__.pyi, or mypy --strict reads its untyped source."""
    for folder, _, files in os.walk(os.path.join(ROOT, "gnet")):
        if "__init__.py" in files and "__init__.pyi" not in files:
            with open(os.path.join(folder, "__init__.py"), encoding="utf-8") as f:
                body = ast.parse(f.read()).body
            assert all(isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) for node in body), \
                "%s/__init__.py has code and no __init__.pyi" % os.path.relpath(folder, ROOT)


def test_stubs_import_only_modules_that_have_stubs():
    """What keeps mypy on the stubs: a stub that imported an unstubbed gnet module
    would make mypy read that module's untyped source."""
    for module in stubs().values():
        for imported in module.gnet_imports:
            path = os.path.join(ROOT, *imported.split("."))
            assert imported in stubs() or os.path.isdir(path), "%s imports %s" % (module.name, imported)


@pytest.mark.parametrize("typed_dict, keys", [
    ("SocketOptions", _options.SOCKET_KEYS),
    ("ConnectOptions", _options.CONNECT_KEYS | _options.SOCKET_KEYS),
    ("ListenOptions", _options.LISTEN_KEYS),
    ("ServerOptions", _options.SERVER_KEYS),
])
def test_options_typed_dicts_have_each_option_key_in_both_spellings(typed_dict, keys):
    expected = set(keys) | {snake_case(k) for k in keys}
    assert stub_class_names("gnet._typing", typed_dict) == expected


#: Keys gnet.tls accepts (Node's) but does nothing with (docs/differences.md):
#: the TypedDicts leave them out, so mypy says so; a plain dict still passes them.
TLS_IGNORED_KEYS = {
    "pipe",
}
_NET_CONNECT = _options.CONNECT_KEYS | {"allowHalfOpen", "highWaterMark", "readableHighWaterMark",
                                        "writableHighWaterMark", "onread", "signal"}
_TLS_CONTEXT_KEYS = _tls_context.CONTEXT_KEYS - TLS_IGNORED_KEYS
_TLS_KEYS = _tls_socket.TLS_KEYS - TLS_IGNORED_KEYS


@pytest.mark.parametrize("typed_dict, keys", [
    ("SecureContextOptions", _TLS_CONTEXT_KEYS),
    ("TLSConnectOptions", _TLS_CONTEXT_KEYS | _NET_CONNECT | {
        "socket", "servername", "session", "checkServerIdentity", "rejectUnauthorized", "ALPNProtocols",
        "secureContext", "enableTrace", "requestOCSP", "pskCallback", "minDHSize"}),
    ("TLSServerOptions", _TLS_CONTEXT_KEYS | _options.SERVER_KEYS | {
        "requestCert", "rejectUnauthorized", "ALPNProtocols", "SNICallback", "handshakeTimeout", "secureContext",
        "enableTrace", "pskCallback", "pskIdentityHint", "ALPNCallback"}),
    ("TLSSocketOptions", _TLS_CONTEXT_KEYS | {
        "isServer", "requestCert", "rejectUnauthorized", "ALPNProtocols", "servername", "session",
        "secureContext", "allowHalfOpen", "highWaterMark", "readableHighWaterMark", "writableHighWaterMark",
        "onread", "signal", "enableTrace", "pskCallback", "pskIdentityHint", "ALPNCallback", "SNICallback",
        "server"}),
])
def test_tls_options_typed_dicts_have_each_key_gnet_reads_in_both_spellings(typed_dict, keys):
    expected = set(keys) | {snake_case(k) for k in keys}
    assert stub_class_names("gnet._typing", typed_dict) == expected


def test_tls_typed_dicts_cover_every_tls_key_but_the_ignored_ones():
    typed = set()
    for name in ("TLSConnectOptions", "TLSServerOptions", "TLSSocketOptions"):
        typed |= stub_class_names("gnet._typing", name)
    assert _TLS_KEYS - typed == set()


@pytest.mark.parametrize("call", ["connect", "createServer", "TLSSocket"])
def test_every_tls_keyword_the_stubs_declare_is_accepted_at_runtime(call):
    """Both spellings, as keywords: the stubs promise none that gnet.tls refuses."""
    typed_dict = {"connect": "TLSConnectOptions", "createServer": "TLSServerOptions",
                  "TLSSocket": "TLSSocketOptions"}[call]
    for key in sorted(stub_class_names("gnet._typing", typed_dict)):
        opts = _tls_socket.tls_options(None, {key: "value"}, call)
        assert list(opts) == [_node_spelling(key)], key


def _node_spelling(key):
    for known in _tls_socket.TLS_KEYS | _options.OPTION_KEYS:
        if key in (known, snake_case(known)):
            return known
    raise AssertionError("%s is no key of gnet.tls" % key)


# ---------------------------------------------------------------------------
# (b) mypy --strict on programs that use gnet

GOOD = '''
from typing import Any

import gnet


class Ticker(gnet.EventEmitter):
    def tick(self, n: int) -> None:
        self.emit('tick', n)


def on_connection(sock: gnet.Socket) -> None:
    def on_data(data: bytes) -> None:
        sock.write(data)
        sock.write('text', 'utf8', lambda err: print(err))
        sock.write(b'x', lambda: None)

    sock.on('data', on_data)
    sock.on('end', lambda: print('client disconnected'))
    sock.on('close', lambda had_error: print(had_error))
    sock.on('error', lambda err: print(err))
    sock.set_timeout(3000, lambda: sock.end())
    sock.setNoDelay(True).setKeepAlive(True, 1000).set_encoding('utf8')
    sock.end('bye\\r\\n', lambda: None)
    print(sock.remoteAddress, sock.bytes_read + sock.bytesWritten, sock.address().get('port'))


server = gnet.createServer(on_connection)
server2 = gnet.create_server({'allowHalfOpen': True}, on_connection)
server3 = gnet.Server(allow_half_open=True, pause_on_connect=False)
server.on('error', lambda err: print(err)).on('listening', lambda: print('listening'))
server.listen(8124, lambda: print('server bound'))
server2.listen(0, '127.0.0.1', 511, lambda: None)
server3.listen({'port': 0, 'host': 'localhost'}).unref()
server3.listen('/tmp/gnet.sock', lambda: None)
server3.listen(port=0, ipv6_only=True)
server3.max_connections = 10
address = server.address()
if isinstance(address, dict):
    port: int = address['port']


@server.on('connection')
def count(sock: gnet.Socket) -> None:
    server.getConnections(lambda err, n: print(err, n))


client = gnet.connect(8124, '127.0.0.1', lambda: print('connected'))
client2 = gnet.createConnection({'port': 8124, 'host': 'localhost'}, lambda: None)
client3 = gnet.create_connection(port=8124, host='localhost', allow_half_open=True)
client4 = gnet.connect('/tmp/gnet.sock', lambda: None)
client5 = gnet.Socket().connect(8124, lambda: None)
for chunk in client:
    print(chunk)

timer = gnet.setTimeout(lambda: print('later'), 100)
timer.unref().refresh()
gnet.clearTimeout(timer)
interval = gnet.set_interval(lambda n: print(n), 1000, 1)
gnet.clear_interval(interval)
gnet.setImmediate(print, 'x').ref()
gnet.nextTick(lambda: None)
gnet.process.on('SIGTERM', lambda: server.close())
gnet.process.on('SIGINT', lambda name, number: print(name, number))
gnet.process.exitCode = 1

ticker = Ticker()
ticker.on('tick', lambda n: print(n)).once('tick', print)
args: list[Any] = gnet.once(ticker, 'tick', timeout=1000)
try:
    gnet.run()
except gnet.NodeError as err:
    print(err.code, err.message)
except OSError as err:
    print(err.errno)
print(gnet.isIP('::1') == 6, gnet.is_ipv4('1.2.3.4'))
gnet.BlockList().add_address('1.2.3.4')
print(gnet.SocketAddress(address='::1', family='ipv6').toJSON()['family'])

# gnet.tls: a server and clients, typed as Node's tls reads.
import gnet.tls as tls
from gnet.tls.errors import OpenSSLError, TLSVerifyError

KEY, CERT, CA = b'-----BEGIN PRIVATE KEY-----', '-----BEGIN CERTIFICATE-----', b'...'


def on_secure(sock: tls.TLSSocket) -> None:
    cert = sock.getPeerCertificate(True)
    if cert:
        print(cert['subject'], cert.get('fingerprint256'), cert['raw'].hex(), cert.get('issuerCertificate', {}))
    cipher = sock.get_cipher()
    if cipher is not None:
        print(cipher['standardName'], sock.getProtocol(), sock.alpn_protocol, sock.authorized, sock.servername)
    sock.on('data', lambda data: sock.end(data))


tls_server = tls.createServer({'key': KEY, 'cert': CERT}, on_secure)
tls_server2 = tls.create_server(key=[KEY, {'pem': KEY, 'passphrase': 'x'}], cert=[CERT], request_cert=True,
                                reject_unauthorized=False, ALPNProtocols=['h2', 'http/1.1'],
                                handshake_timeout=5000, min_version='TLSv1.3',
                                SNICallback=lambda name, cb: cb(None, tls.createSecureContext(key=KEY, cert=CERT)))
tls_server3 = tls.Server(lambda sock: print(sock.encrypted), allow_half_open=True)
tls_server.on('tlsClientError', lambda err, sock: print(err, sock.remoteAddress))
tls_server.on('secureConnection', lambda sock: print(sock.get_peer_certificate()))
tls_server.on('connection', lambda sock: print(sock.secureConnecting))
tls_server.on('keylog', lambda line, sock: print(line.decode(), sock.getProtocol()))
tls_server.listen(8443, lambda: print('tls listening')).unref()
tls_server.addContext('*.example.com', {'key': KEY, 'cert': CERT})
tls_server.add_context('x.example.com', tls.createSecureContext({'ca': CA}, min_version='TLSv1.2'))
tls_server.setSecureContext({'key': KEY, 'cert': CERT})
tls_server.handshake_timeout = 1000
net_server: gnet.Server = tls_server


@tls_server.on('secureConnection')
def log_peer(sock: tls.TLSSocket) -> None:
    print(sock.remotePort)


tls_client = tls.connect(8443, 'localhost', {'ca': CA, 'servername': 'localhost'}, lambda: print('secure'))
tls_client2 = gnet.tls.connect({'port': 8443, 'host': 'localhost'})
tls_client3 = tls.connect(port=8443, host='localhost', reject_unauthorized=False,
                          check_server_identity=lambda host, cert: tls.checkServerIdentity(host, cert))
tls_client4 = tls.connect('/tmp/gnet-tls.sock', {'ca': [CA, CA]}, lambda: None)
tls_client5 = tls.connect(8443, lambda: None, ca=CA, timeout=3000, ALPNProtocols=['h2'])
tls_client.on('secureConnect', lambda: print(tls_client.authorized, tls_client.authorization_error))
tls_client.on('keylog', lambda line: print(len(line)))
tls_client.on('error', lambda err: print(err.code if isinstance(err, (TLSVerifyError, OpenSSLError)) else err))
tls_client.setNoDelay(True).setTimeout(1000).write(b'hello')
print(tls_client.export_keying_material(32, 'EXPORTER', b'').hex(), tls_client.getFinished())
session = tls_client.getSession()
if session is not None:
    tls.connect(8443, 'localhost', session=session)
upgraded = tls.TLSSocket(gnet.connect(25, 'localhost'), {'servername': 'mail'})
upgraded.once('secure', lambda: print(upgraded.is_session_reused()))
as_socket: gnet.Socket = tls_client
tls.DEFAULT_MIN_VERSION = 'TLSv1.3'
print(tls.getCiphers()[0], len(tls.rootCertificates), len(tls.root_certificates), tls.DEFAULT_CIPHERS)
psk_server = tls.createServer({'ciphers': 'PSK-AES128-GCM-SHA256', 'pskIdentityHint': 'hint'},
                              pskCallback=lambda sock, identity: KEY if identity == 'alice' else None)
psk_server2 = tls.createServer(psk_callback=lambda sock, identity: {'psk': bytearray(KEY)}, psk_identity_hint='h')
psk_client = tls.connect(8443, 'localhost', psk_callback=lambda hint: {'psk': KEY, 'identity': hint or 'alice'},
                         check_server_identity=lambda host, cert: None)
psk_upgraded = tls.TLSSocket(gnet.Socket(), {'isServer': True, 'pskCallback': lambda sock, identity: None})
mismatch = tls.check_server_identity('localhost', {'subject': {'CN': 'localhost'}})
if mismatch is not None:
    print(mismatch.code, mismatch.reason, mismatch.host)
'''

#: Each mistake, and what mypy's report must say about its line.
BAD = {
    "gnet.connect([80])": 'No overload variant matches argument type "list[int]"',
    "gnet.createServer().listen([80])": 'No overload variant of "listen" of "Server" matches argument type "list[int]"',
    "gnet.connect(80).wrte(b'x')": '"Socket" has no attribute "wrte"',
    "gnet.Server().max_connectoins = 1": '"Server" has no attribute "max_connectoins"',
    "gnet.connect(port=80, hots='x')": 'Unexpected keyword argument "hots"',
    "gnet.createServer(lambda sock: sock.wirte(b''))": '"Socket" has no attribute "wirte"',
    "gnet.createServer(handler)": 'Argument 1 to "createServer" has incompatible type "Callable[[int], None]"',
    "gnet.connect(80, 'localhost', handler)": 'Argument 3 has incompatible type "Callable[[int], None]"',
    "gnet.connect(80).write(123)": 'No overload variant of "write" of "Writable" matches argument type "int"',
    "gnet.connect(80).setTimeout('5')": 'Argument 1 to "setTimeout" of "Socket" has incompatible type "str"',
    "gnet.tls.connect(443, 'localhost', reject_unauthorized='no')":
        'No overload variant of "connect" matches argument types "int", "str", "str"',
    "gnet.tls.createSecureContext(minVersion='TLSv1.4')":
        'Argument "minVersion" to "createSecureContext" has incompatible type "Literal[\'TLSv1.4\']"',
    "gnet.tls.connect(443, ALPNProtocols='h2')": 'No overload variant of "connect" matches argument types "int", "str"',
    "gnet.tls.createServer(lambda sock: sock.getPeerCertifcate())": '"TLSSocket" has no attribute "getPeerCertifcate"',
    "gnet.tls.Server(lambda sock: sock.wirte(b''))": '"TLSSocket" has no attribute "wirte"',
    "gnet.tls.TLSSocket(gnet.Socket()).setServername(None)":
        'Argument 1 to "setServername" of "TLSSocket" has incompatible type "None"; expected "str"',
    "gnet.tls.connect(443, 'localhost', {'ca': 'x'}, handler)": 'Argument 4 to "connect" has incompatible type',
    "gnet.tls.connect(443, pskIdentityHint='hint')": 'Unexpected keyword argument "pskIdentityHint"',
    "gnet.tls.createServer(psk_callback=lambda sock, identity: 'key')":
        'Incompatible return value type (got "str", expected "Buffer | PSKServerAnswer | None")',
    "gnet.tls.connect(443, pskCallback=lambda hint: {'psk': b'key'})":
        'Argument "pskCallback" to "connect" has incompatible type',
    "gnet.tls.connect(443).getCipher()['standard_name']": 'TypedDict "CipherNameAndProtocol" has no key "standard_name"',
}


def run_mypy(tmp_path, monkeypatch, source):
    path = tmp_path / "program.py"
    path.write_text(textwrap.dedent(source))
    monkeypatch.chdir(ROOT)         # where mypy finds gnet and its stubs
    out, err, status = mypy_api.run(["--strict", "--config-file", os.path.join(ROOT, "pyproject.toml"),
                                     "--no-error-summary", "--show-error-codes", str(path)])
    return out + err, status


def test_mypy_strict_accepts_a_program_written_with_nodes_idioms(tmp_path, monkeypatch):
    report, status = run_mypy(tmp_path, monkeypatch, GOOD)
    assert (report, status) == ("", 0)


def test_mypy_strict_knows_gnet_tls_after_import_gnet_alone(tmp_path, monkeypatch):
    """As at runtime (gnet's module __getattr__): ``import gnet`` is enough for ``gnet.tls``."""
    program = "import gnet\nsock: gnet.Socket = gnet.tls.connect(443, 'localhost', reject_unauthorized=False)\n"
    assert run_mypy(tmp_path, monkeypatch, program) == ("", 0)


def test_mypy_strict_reports_each_mistake_on_its_line(tmp_path, monkeypatch):
    lines = ["import gnet", "def handler(sock: int) -> None: ..."] + list(BAD)
    report, status = run_mypy(tmp_path, monkeypatch, "\n".join(lines) + "\n")
    assert status == 1
    for number, (line, message) in enumerate(BAD.items(), start=3):
        errors = [r for r in report.splitlines() if ":%d: error:" % number in r]
        assert any(message in r for r in errors), "line %d %r: %s" % (number, line, errors or report)


def test_mypy_strict_passes_on_gnets_stubs_and_the_examples(monkeypatch):
    monkeypatch.chdir(ROOT)
    for args in (["-p", "gnet"], ["examples"]):
        out, err, status = mypy_api.run(["--strict"] + args)
        assert status == 0, out + err


def test_pip_install_carries_the_stubs_and_py_typed(tmp_path):
    """A user's mypy, with gnet installed (not from a checkout), sees the types."""
    wheels = tmp_path / "wheel"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), ROOT],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("gnet-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = str(env_dir / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    installed = os.path.join(site, "gnet")
    for stub in stubgen.stub_files():
        assert os.path.exists(os.path.join(installed, os.path.relpath(stub, os.path.join(ROOT, "gnet"))))
    assert os.path.exists(os.path.join(installed, "py.typed"))
    program = tmp_path / "user.py"
    program.write_text("import gnet\ngnet.connect([80])\ns: gnet.Socket = gnet.connect(80)\n")
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-error-summary",
                             "--python-executable", python, "--cache-dir", str(tmp_path / "cache"), str(program)],
                            capture_output=True, text=True, cwd=str(tmp_path), timeout=300)
    assert result.returncode == 1
    assert result.stdout.count("error:") == 1 and "user.py:2: error: No overload variant" in result.stdout


# ---------------------------------------------------------------------------
# (c) help() and inspect.signature

@pytest.mark.parametrize("target, expected", [
    (gnet.createServer, "(options=None, connectionListener=None, /, **kwargs)"),
    (gnet.Server, "(options=None, connectionListener=None, /, **kwargs)"),
    (gnet.connect, "(port=None, host=None, connectListener=None, /, *args, **options)"),
    (gnet.create_connection, "(port=None, host=None, connectListener=None, /, *args, **options)"),
    (gnet.Socket.connect, "(self, port=None, host=None, connectListener=None, /, *args, **options)"),
    (gnet.Server.listen, "(self, port=None, host=None, backlog=None, listeningListener=None, /, *args, **options)"),
    (gnet.Socket.write, "(self, chunk=MISSING, encoding=None, cb=None)"),
    (gnet.Socket.end, "(self, chunk=None, encoding=None, cb=None)"),
    (gnet.Socket.setTimeout, "(self, msecs=MISSING, callback=None)"),
])
def test_signature_shows_nodes_parameters(target, expected):
    assert str(inspect.signature(target)) == expected


@pytest.mark.parametrize("target, link", [
    (gnet.createServer, "api/net.html#netcreateserveroptions-connectionlistener"),
    (gnet.connect, "api/net.html#netcreateconnection"),
    (gnet.Socket.connect, "api/net.html#socketconnect"),
    (gnet.Server.listen, "api/net.html#serverlisten"),
])
def test_help_shows_the_signature_and_the_link_to_nodes_doc(target, link):
    import pydoc
    text = pydoc.render_doc(target, renderer=pydoc.plaintext)
    assert target.__name__ + str(inspect.signature(target)) in text
    assert "https://nodejs.org/docs/latest-v20.x/" + link in text
    assert "(*args, **kwargs)" not in text and "(self, *args, **kwargs)" not in text


def test_gnet_functions_as_listeners_get_the_arguments_nodes_would():
    """arity.bounds reads __signature__, so each gets what JavaScript would pass
    Node's function: createServer declares (options, connectionListener) and
    drops a third argument; connect(...args) and listen(...args) take them all,
    and a non-function after the callback leaves it unused, as in Node."""
    from gnet.js import arity
    assert arity.bounds(gnet.createServer) == (0, 2)
    assert arity.bounds(gnet.Server) == (0, 2)
    assert arity.bounds(gnet.Socket().connect) == (0, None)
    assert arity.bounds(gnet.Server().listen) == (0, None)
    seen = []

    class Recorder(gnet.Socket):
        def _connect(self, opts, cb):
            seen.append((opts, cb))
            return self

    sock = Recorder()
    emitter = gnet.EventEmitter()
    emitter.on("go", sock.connect)
    emitter.emit("go", 80, "localhost", print)
    emitter.emit("go", 80, "localhost", print, "extra")
    emitter.emit("go")
    assert seen == [({"port": 80, "host": "localhost"}, print), ({"port": 80, "host": "localhost"}, None),
                    ({}, None)]


def test_tls_call_forms_show_nodes_parameters():
    import inspect

    import gnet.tls

    assert str(inspect.signature(gnet.tls.connect)) == (
        "(port=None, host=None, options=None, secureConnectListener=None, /, *args, **kwargs)")
    assert str(inspect.signature(gnet.tls.create_server)) == (
        "(options=None, secureConnectionListener=None, /, **kwargs)")
