"""gnet: Node's `net` module for Python, on gevent."""
import re
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).resolve().parent
#: One source for the version: ``gnet.__version__``, read here without importing gnet.
VERSION = re.search(r'^__version__ = "([^"]+)"$', (HERE / "gnet" / "__init__.py").read_text(encoding="utf-8"),
                    re.M).group(1)

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
    package_data={"": ["*.pyi"], "gnet": ["py.typed"]},
    python_requires=">=3.10",
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
