"""gnet: Node's `net` module for Python, on gevent."""
from setuptools import setup

setup(
    name="gnet",
    version="0.1.0",
    description="Node's net module for Python, on gevent: the same API, the same events in the same order.",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    packages=["gnet", "gnet.js", "gnet.eventloop", "gnet.streams", "gnet.net"],
    python_requires=">=3.10",
    install_requires=["gevent>=23.9", "zope.event>=4.0"],
    extras_require={
        "test": ["pytest>=7"],
        # The benchmark's optional peer and profiler (python -m gnet bench).
        "bench": ["uvloop", "py-spy"],
    },
    classifiers=[
        "Programming Language :: Python :: 3",
        "Framework :: gevent",
        "Topic :: System :: Networking",
    ],
)
