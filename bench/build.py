"""Build the bench's C programs (the load generator, the C floor) with the system compiler.

Each binary is cached under ``$XDG_CACHE_HOME/gnet-bench/`` (``~/.cache`` by
default), keyed by the source, the flags and the compiler's version, so an
edit rebuilds and a second run does not. Falls back to a temporary folder
when the cache is not writable.
"""

import hashlib
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = {
    "loadgen": os.path.join(HERE, "loadgen.c"),
    "c_epoll": os.path.join(HERE, "servers", "c_epoll.c"),
}
CFLAGS = ["-O2", "-Wall"]


class BuildError(RuntimeError):
    pass


def compiler():
    cc = os.environ.get("CC", "cc")
    if not shutil.which(cc):
        raise BuildError("no C compiler: %r not found (set CC, or install gcc)" % cc)
    return cc


def _cache_root():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    root = os.path.join(base, "gnet-bench")
    try:
        os.makedirs(root, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=root)
        probe.close()
        return root
    except OSError:
        return tempfile.mkdtemp(prefix="gnet-bench-build-")


def compiler_version(cc=None):
    cc = cc or compiler()
    out = subprocess.run([cc, "--version"], capture_output=True, text=True, timeout=30)
    return (out.stdout.splitlines() or ["unknown"])[0].strip()


def build(name, cc=None):
    """Path of the built binary ``name`` (a key of SOURCES), compiling it if needed."""
    cc = cc or compiler()
    src = SOURCES[name]
    with open(src, "rb") as f:
        source = f.read()
    key = hashlib.sha256(source + repr((CFLAGS, compiler_version(cc))).encode()).hexdigest()[:16]
    out_dir = os.path.join(_cache_root(), key)
    binary = os.path.join(out_dir, name)
    if os.access(binary, os.X_OK):
        return binary
    os.makedirs(out_dir, exist_ok=True)
    tmp = "%s.%d.tmp" % (binary, os.getpid())
    proc = subprocess.run([cc] + CFLAGS + ["-o", tmp, src], capture_output=True, text=True,
                          timeout=120)
    if proc.returncode != 0:
        raise BuildError("%s failed to build:\n%s" % (src, proc.stderr.strip()))
    os.replace(tmp, binary)  # atomic: two runs building at once both end with a whole binary
    return binary


def build_all(cc=None):
    return {name: build(name, cc) for name in SOURCES}
