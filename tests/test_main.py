"""``python -m gnet``: what its command line says and does as a program.

Serving and connecting through the main job are in tests/test_server.py.
"""
import os
import signal
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENV = dict(os.environ, PYTHONPATH=ROOT)


def run_gnet(*args):
    return subprocess.run([sys.executable, "-m", "gnet", *args], capture_output=True, text=True,
                          env=ENV, timeout=30)


@pytest.mark.parametrize("port, says", [
    ("abc", "'abc' is not a port number"),
    ("70000", "70000 is not a port: ports are 0 to 65535"),
    ("-1", "-1 is not a port"),
    ("0x50", "'0x50' is not a port number"),
])
def test_a_bad_port_is_a_usage_error_not_a_traceback(port, says):
    done = run_gnet("connect", "127.0.0.1", port)
    assert done.returncode == 2
    assert says in done.stderr
    assert done.stderr.startswith("usage: python -m gnet connect")
    assert "Traceback" not in done.stderr


def test_connect_without_a_port_or_a_path_is_a_usage_error():
    done = run_gnet("connect", "127.0.0.1")
    assert done.returncode == 2
    assert "give HOST and PORT, or --path PATH" in done.stderr


def test_echo_refuses_a_bad_port_too():
    done = run_gnet("echo", "--port", "65536")
    assert done.returncode == 2 and "65536 is not a port" in done.stderr


@pytest.mark.parametrize("command", ["echo", "connect"])
def test_every_argument_has_help_that_says_its_default(command):
    text = run_gnet(command, "--help").stdout
    options = text[text.index("options:"):]
    arguments = [line for line in options.splitlines()[1:] if line.lstrip().startswith("-")
                 and not line.lstrip().startswith("-h")]
    if command == "connect":
        positionals = text[text.index("positional arguments:"):text.index("options:")]
        arguments += [line for line in positionals.splitlines()[1:] if line.startswith("  ") and
                      not line.startswith("    ")]
    assert arguments
    block = " ".join(text.split())
    assert block.count("(default:") >= len(arguments)


def test_the_description_is_plain_text():
    text = run_gnet("--help").stdout
    assert "Node's net module on gevent" in text
    assert "``" not in text


def test_ctrl_c_ends_the_echo_server_quietly_as_node():
    """Node dies of SIGINT with nothing printed (a shell shows status 130); so does gnet's main job."""
    proc = subprocess.Popen([sys.executable, "-m", "gnet", "echo", "--port", "0", "--host", "127.0.0.1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert proc.stdout.readline().startswith("server bound")
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGINT
    assert err == ""


def test_echo_tls_needs_a_certificate_and_a_key():
    done = run_gnet("echo", "--tls", "--port", "0")
    assert done.returncode == 2 and "--tls needs --cert FILE and --key FILE" in done.stderr


def test_tls_echo_and_tls_connect_talk_to_each_other(tmp_path):
    """``echo --tls`` serves Node's echo over TLS; ``connect --tls --ca`` verifies it and relays stdin."""
    from compat import tls_certs
    folder = tls_certs.write(str(tmp_path))
    cert, key, ca = (os.path.join(folder, name) for name in ("server-cert.pem", "server-key.pem", "ca.pem"))
    server = subprocess.Popen([sys.executable, "-m", "gnet", "echo", "--tls", "--cert", cert, "--key", key,
                               "--port", "0", "--host", "127.0.0.1"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    try:
        bound = server.stdout.readline()
        assert bound.startswith("server bound")
        port = bound.split("'port': ")[1].split("}")[0].split(",")[0]
        client = subprocess.run([sys.executable, "-m", "gnet", "connect", "--tls", "--ca", ca, "localhost", port],
                                input=b"over tls\n", capture_output=True, env=ENV, timeout=30)
        assert client.returncode == 0, client.stderr
        assert client.stdout == b"hello\r\nover tls\n"
        untrusted = subprocess.run([sys.executable, "-m", "gnet", "connect", "--tls", "localhost", port],
                                   input=b"", capture_output=True, env=ENV, timeout=30)
        assert untrusted.returncode == 1
        assert b"unable to verify the first certificate" in untrusted.stderr
    finally:
        server.kill()
        server.wait()
