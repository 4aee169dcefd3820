"""The distribution's metadata: what pip, PyPI and a user's tools read about gnet."""
import email
import os
import subprocess
import sys
import zipfile

import pytest

import gnet

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    # The metadata is the same with or without the compiled modules: build the pure wheel, in seconds.
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    "-w", str(out), ROOT], check=True, capture_output=True, timeout=120,
                   env=dict(os.environ, GNET_PURE_PYTHON="1"))
    (path,) = out.glob("gnet-*.whl")
    return zipfile.ZipFile(path)


def metadata(wheel):
    name = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    return email.message_from_bytes(wheel.read(name))


def test_the_version_has_one_source(wheel):
    assert metadata(wheel)["Version"] == gnet.__version__


def test_license_python_and_readme_are_declared(wheel):
    meta = metadata(wheel)
    assert "License :: OSI Approved :: MIT License" in meta.get_all("Classifier")
    assert meta["Requires-Python"] == ">=3.10"
    assert meta["Author"]
    assert meta["Description-Content-Type"] == "text/markdown"
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        assert meta.get_payload().strip() == f.read().strip()
    assert any(n.endswith(".dist-info/licenses/LICENSE") or n.endswith(".dist-info/LICENSE")
               for n in wheel.namelist())


def test_every_package_of_gnet_is_in_the_wheel(wheel):
    packages = {os.path.relpath(d, ROOT).replace(os.sep, "/") for d, _, files in os.walk(os.path.join(ROOT, "gnet"))
                if "__init__.py" in files}
    shipped = {os.path.dirname(n) for n in wheel.namelist() if n.endswith("/__init__.py")}
    assert packages <= shipped
