"""What a crash prints: the user's own frame, not only gnet.run() and gevent (issue 13.1)."""

import subprocess
import sys
import textwrap

import pytest


def crash(tmp_path, source):
    """Run ``source`` as a user's script; its exit status and what it printed."""
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(source))
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    return proc.returncode, proc.stderr


def frames(stderr):
    """The ``File ..., line N, in name`` lines of a printed traceback."""
    return [line.strip() for line in stderr.splitlines() if line.strip().startswith("File ")]


def test_listener_exception_shows_the_users_line_under_run(tmp_path):
    status, err = crash(tmp_path, """\
        import gnet

        def on_connection(c):
            c.end()
            raise ValueError("user bug")

        server = gnet.createServer(on_connection)
        server.listen(0, '127.0.0.1', lambda: gnet.connect(server.address()['port']))
        gnet.run()
        """)
    assert status == 1
    shown = frames(err)
    assert shown[0].endswith("line 9, in <module>")
    assert shown[-1].endswith("line 5, in on_connection")
    assert 'raise ValueError("user bug")' in err
    # Between gnet.run() and the user's frame: run() alone, no gevent internals.
    assert not any("gevent" in line or "greenlet" in line for line in shown)
    assert err.rstrip().endswith("ValueError: user bug")


def test_timer_callback_exception_keeps_the_whole_user_stack(tmp_path):
    status, err = crash(tmp_path, """\
        import gnet

        def inner():
            return 1 / 0

        def tick():
            inner()

        gnet.setTimeout(tick, 1)
        gnet.run()
        """)
    assert status == 1
    shown = frames(err)
    assert shown[-2].endswith("line 7, in tick")
    assert shown[-1].endswith("line 4, in inner")
    assert "ZeroDivisionError" in err


def test_unhandled_error_names_the_emitter_and_the_users_call(tmp_path):
    status, err = crash(tmp_path, """\
        import gnet

        def on_connection(c):
            c.end()
            c.write('late')

        server = gnet.createServer(on_connection)
        server.listen(0, '127.0.0.1', lambda: gnet.connect(server.address()['port']).on('error', print))
        gnet.run()
        """)
    assert status == 1
    assert "ERR_STREAM_WRITE_AFTER_END: write after end" in err
    if sys.version_info < (3, 11):
        pytest.skip("exception notes are printed from Python 3.11")
    assert "Emitted 'error' event on Socket instance" in err
    tail = err[err.index("The error was made at"):]
    assert 'line 5, in on_connection' in tail
    assert "c.write('late')" in tail


def test_crash_without_run_reaches_the_main_greenlet_with_its_traceback(tmp_path):
    status, err = crash(tmp_path, """\
        import gevent
        import gnet

        def boom():
            raise KeyError('from a timer')

        gnet.setTimeout(boom, 1)
        gevent.sleep(1)
        """)
    assert status == 1
    assert frames(err)[-1].endswith("line 5, in boom")
    assert "KeyError: 'from a timer'" in err


def test_error_handled_by_a_listener_prints_nothing(tmp_path):
    status, err = crash(tmp_path, """\
        import gnet

        c = gnet.connect(1, '127.0.0.1')
        c.on('error', lambda e: print(e.code))
        gnet.run()
        """)
    assert (status, err) == (0, "")
