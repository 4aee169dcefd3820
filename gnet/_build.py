"""Which build of gnet's hot modules runs: compiled by Cython, or pure Python.

setup.py compiles a few of gnet's modules with Cython when Cython and a C
compiler are there (``HOT`` below; see setup.py), the way gevent compiles
its hot modules: the ``.py`` file is the one source, Cython reads it as
Python (with a ``.pxd`` beside it where declarations pay), and the
extension module it builds sits beside the ``.py`` under the same name, so
``gnet.eventloop.loop`` is the same module, with the same classes and
``__module__``, whichever file it was loaded from. Python's importer
prefers the extension; the finder below, installed by ``import gnet``
before any of them is imported, takes the ``.py`` instead when:

- ``GNET_PURE_PYTHON`` is set (to anything but ``0`` or empty) in the
  environment, at import time: one install runs either build, which is how
  CI runs the suite on both and how the bench runs one beside the other;
- the ``.py`` (or the ``.pxd`` beside it) is newer than the extension
  beside it (an edited or checked out source whose extension was not
  rebuilt): the code that runs is the code on disk, never a stale
  compilation of it.

``gnet.compiled`` says whether every hot module runs compiled;
``modules()`` says, for each, which file was loaded and why.
"""

import importlib.machinery
import importlib.util
import os
import sys

__all__ = ["HOT", "PURE_PYTHON", "compiled", "cython", "modules"]

#: The modules setup.py compiles when it can (setup.py reads this list
#: without importing gnet). Each one's ``.py`` stays the source and the
#: fallback.
HOT = (
    "gnet.js.arity",
    "gnet.eventloop.events",
    "gnet.eventloop.loop",
    "gnet.streams.readable",
    "gnet.streams.writable",
    "gnet.net.handle",
)

#: ``GNET_PURE_PYTHON`` as read when gnet was imported.
PURE_PYTHON = os.environ.get("GNET_PURE_PYTHON", "") not in ("", "0")

#: module name -> (``'compiled'`` or ``'pure'``, why).
_loaded = {}


def _extension_beside(directory, stem):
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = os.path.join(directory, stem + suffix)
        if os.path.exists(path):
            return path
    return None


def _newest(source):
    """The modification time of ``source`` or of the ``.pxd`` beside it
    (its declarations), whichever is newer."""
    mtime = os.stat(source).st_mtime
    try:
        return max(mtime, os.stat(source[:-3] + ".pxd").st_mtime)
    except FileNotFoundError:
        return mtime


class _Finder:
    """Decides, for each of ``HOT``, between the extension and the ``.py``."""

    @staticmethod
    def find_spec(name, path, target=None):
        if name not in HOT or not path:
            return None
        stem = name.rpartition(".")[2]
        for directory in path:
            source = os.path.join(directory, stem + ".py")
            if not os.path.exists(source):
                continue
            ext = _extension_beside(directory, stem)
            if ext is None:
                why = "not compiled"
            elif PURE_PYTHON:
                why = "GNET_PURE_PYTHON is set"
            elif os.stat(ext).st_mtime < _newest(source):
                why = "%s is newer than its compiled %s: rebuild with pip install -e ." % (
                    os.path.basename(source), os.path.basename(ext))
            else:
                _loaded[name] = ("compiled", ext)
                return None     # the default finder takes the extension
            _loaded[name] = ("pure", why)
            return importlib.util.spec_from_file_location(name, source)
        return None


def install():
    """Put the finder in front of Python's own (``import gnet`` does it)."""
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())


def modules():
    """``{module: (build, detail)}`` for the hot modules imported so far:
    ``('compiled', extension path)`` or ``('pure', why)``."""
    return {name: _loaded[name] for name in HOT if name in _loaded}


def compiled():
    """Whether every hot module imported so far runs compiled."""
    loaded = modules()
    return bool(loaded) and all(build == "compiled" for build, _ in loaded.values())


class _PurePython:
    """``cython`` for the hot modules when Cython is not installed (a pure
    install needs no Cython): the few names of Cython's pure-Python mode they
    use, as no-ops. Each hot module that declares types does::

        try:
            import cython                   # Cython compiling it, or its Shadow module
        except ImportError:
            from gnet._build import cython  # this

    and Cython, compiling it, reads ``cython.locals(...)`` as declarations."""

    compiled = False
    Py_ssize_t = int
    bint = bool

    @staticmethod
    def locals(**types):
        return lambda fn: fn


cython = _PurePython()
