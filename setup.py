"""gnet: Node's `net` module for Python, on gevent.

gnet's hot modules (``HOT`` in gnet/_build.py) are compiled with Cython when
Cython and a C compiler are there, the way gevent does it: the ``.py`` is the
source (with a ``.pxd`` beside it where declarations pay) and stays the
fallback. Cython is a build requirement (pyproject.toml), so pip brings it;
what may be missing is the C compiler, and then gnet installs as pure Python
and this file says so in one line (pip shows it with ``-v``; at run time,
``gnet.compiled``). ``GNET_PURE_PYTHON=1`` skips the compilation here and,
at import time, loads the ``.py`` files of a compiled install instead.
"""
import ast
import re
import os
import sys
from pathlib import Path

from setuptools import Extension, find_packages, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
#: One source for the version: ``gnet.__version__``, read here without importing gnet.
VERSION = re.search(r'^__version__ = "([^"]+)"$', (HERE / "gnet" / "__init__.py").read_text(encoding="utf-8"),
                    re.M).group(1)


def _hot_modules():
    """``gnet._build.HOT``, read without importing gnet (gevent may not be installed yet)."""
    tree = ast.parse((HERE / "gnet" / "_build.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and [t.id for t in node.targets if isinstance(t, ast.Name)] == ["HOT"]:
            return ast.literal_eval(node.value)
    raise RuntimeError("gnet/_build.py has no HOT list")


def _say(line):
    print("gnet: " + line, file=sys.stderr, flush=True)


def _say_once(line):
    # Metadata steps (egg_info, dist_info) run this file too: say it where the build is.
    if any(cmd in sys.argv for cmd in ("build", "build_ext", "bdist_wheel", "editable_wheel", "install", "develop")):
        _say(line)


class OptionalBuildExt(build_ext):
    """Cythonizes and compiles gnet's hot modules; when that cannot be done
    (no C compiler, no Python headers), leaves them pure Python and says so
    in one line instead of failing the install."""

    def finalize_options(self):
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1     # one module per core: the build takes half the time on two

    def run(self):
        if not self.extensions:
            return
        try:
            super().run()
        except Exception as exc:    # CompileError, LinkError, a missing cc: anything the compiler raised
            why = (str(exc).strip().splitlines() or [""])[-1]
            _say("could not compile the hot modules (%s: %s); installed as pure Python"
                 % (type(exc).__name__, why if len(why) < 100 else why[:97] + "..."))
            return
        _say("compiled %d hot modules with Cython %s" % (len(self.extensions), _CYTHON_VERSION))

    def get_outputs(self):
        # Only what was built: an install that fell back to pure Python has no extension to list.
        return [path for path in super().get_outputs() if os.path.exists(path)]


_CYTHON_VERSION = None


def _extensions():
    global _CYTHON_VERSION
    if os.environ.get("GNET_PURE_PYTHON", "") not in ("", "0"):
        _say_once("GNET_PURE_PYTHON is set: installed as pure Python")
        return []
    try:
        import Cython
        from Cython.Build import cythonize
    except ImportError:
        _say_once("Cython is not installed: installed as pure Python")
        return []
    _CYTHON_VERSION = Cython.__version__
    extensions = [
        Extension(name, [name.replace(".", "/") + ".py"],
                  # As gevent: Cython's fast thread-state access and greenlet
                  # switches do not mix on Python 3.11+.
                  define_macros=[("CYTHON_FAST_THREAD_STATE", "0")])
        for name in _hot_modules()
    ]
    return cythonize(extensions, build_dir="build/cython", quiet=True,
                     compiler_directives={"language_level": "3"})

setup(
    name="gnet",
    version=VERSION,
    description="Node's net module for Python, on gevent: the same API, the same events in the same order.",
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    author="The gnet developers",
    license="MIT",
    license_files=["LICENSE"],
    keywords=["node", "net", "gevent", "tcp", "unix sockets", "event emitter", "streams"],
    packages=find_packages(include=["gnet", "gnet.*"]),
    # The type stubs beside each module, and the marker that says gnet is typed (PEP 561).
    package_data={"": ["*.pyi", "*.pxd"], "gnet": ["py.typed"]},
    python_requires=">=3.10",
    ext_modules=_extensions(),
    cmdclass={"build_ext": OptionalBuildExt},
    install_requires=["gevent>=23.9", "zope.event>=4.0"],
    extras_require={
        # gunicorn too, so that CI runs the gunicorn worker's tests.
        # trustme: the TLS tests make their certificates at run time.
        "test": ["pytest>=7", "gunicorn>=21", "mypy>=1.11", "redis>=5", "trustme>=1.1", "hypothesis>=6"],
        # The gunicorn worker (gunicorn -k gnet.gunicorn.Worker).
        "gunicorn": ["gunicorn>=21"],
        # The benchmark's optional peer and profiler (python -m gnet bench).
        "bench": ["uvloop", "py-spy"],
        # The docs site (README: the docs command; .ci/run builds it).
        "docs": ["sphinx>=7", "furo", "myst-parser>=2"],
    },
    classifiers=[
        "Development Status :: 3 - Alpha",
        "Intended Audience :: Developers",
        "License :: OSI Approved :: MIT License",
        "Operating System :: POSIX :: Linux",
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3 :: Only",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: Implementation :: CPython",
        "Framework :: gevent",
        "Topic :: Software Development :: Libraries",
        "Topic :: System :: Networking",
    ],
)
