"""``gnet.process``: signal events, ``exit()``, ``exitCode`` and ``'exit'`` (issue 13.2).

Each case runs as a program of its own: what is checked is how a process
ends, and signals go to the whole process.
"""

import signal
import subprocess
import sys
import textwrap

import pytest

import gnet


def _default_signals():
    # A program started as a user starts one: a suite run in the background
    # of a non-interactive shell inherits SIGINT and SIGQUIT ignored, and
    # Python then installs no KeyboardInterrupt handler for gnet to put back.
    for number in (signal.SIGINT, signal.SIGQUIT):
        signal.signal(number, signal.SIG_DFL)


def program(tmp_path, source, timeout=30):
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(source))
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=timeout,
                          preexec_fn=_default_signals)
    return proc.returncode, proc.stdout, proc.stderr


def test_sigterm_listener_replaces_dying_and_gets_name_and_number(tmp_path):
    status, out, err = program(tmp_path, """\
        import gnet

        server = gnet.createServer().listen(0)

        def on_sigterm(name, number):
            print('got', name, number)
            server.close(lambda: print('closed'))

        gnet.process.on('SIGTERM', on_sigterm)
        gnet.setTimeout(lambda: gnet.process.kill(gnet.process.pid, 'SIGTERM'), 1)
        gnet.run()
        print('run returned')
        """)
    assert (status, err) == (0, "")
    assert out.splitlines() == ["got SIGTERM %d" % signal.SIGTERM, "closed", "run returned"]


def test_without_a_listener_sigterm_kills_as_before(tmp_path):
    status, _, _ = program(tmp_path, """\
        import gnet
        gnet.createServer().listen(0)
        gnet.setTimeout(lambda: gnet.process.kill(gnet.process.pid, 'SIGTERM'), 1)
        gnet.run()
        """)
    assert status == -signal.SIGTERM


def test_removing_the_last_listener_puts_back_keyboard_interrupt(tmp_path):
    status, out, err = program(tmp_path, """\
        import gnet

        def on_sigint(name):
            print('first', name)
            gnet.process.removeListener('SIGINT', on_sigint)
            gnet.setTimeout(lambda: gnet.process.kill(gnet.process.pid, 'SIGINT'), 1)

        gnet.process.on('SIGINT', on_sigint)
        server = gnet.createServer().listen(0)
        gnet.setTimeout(lambda: gnet.process.kill(gnet.process.pid, 'SIGINT'), 1)
        try:
            gnet.run()
        except KeyboardInterrupt:
            print('KeyboardInterrupt')
        """)
    assert status == 0, err
    assert out.splitlines() == ["first SIGINT", "KeyboardInterrupt"]


def test_a_signal_listener_does_not_keep_run_going(tmp_path):
    status, out, _ = program(tmp_path, """\
        import gnet
        gnet.process.on('SIGTERM', lambda: print('never'))
        gnet.run()
        print('done')
        """)
    assert (status, out) == (0, "done\n")


def test_exit_in_a_listener_emits_exit_and_ends_at_once(tmp_path):
    status, out, err = program(tmp_path, """\
        import gnet
        gnet.process.on('exit', lambda code: print('exit', code, gnet.process.exitCode))
        gnet.setTimeout(lambda: gnet.process.exit(3), 1)
        gnet.setTimeout(lambda: print('too late'), 30)
        gnet.run()
        print('not reached')
        """)
    assert (status, out, err) == (3, "exit 3 3\n", "")


def test_exit_code_is_the_status_of_a_program_that_ends_by_itself(tmp_path):
    status, out, err = program(tmp_path, """\
        import gnet
        gnet.process.on('exit', lambda code: print('exit', code))
        def fail():
            print('failing')
            gnet.process.exitCode = 4
        gnet.setTimeout(fail, 1)
        gnet.run()
        print('after run')
        """)
    assert (status, err) == (4, "")
    assert out.splitlines() == ["failing", "after run", "exit 4"]


def test_exit_is_emitted_with_1_after_an_uncaught_exception(tmp_path):
    status, out, err = program(tmp_path, """\
        import gnet
        gnet.process.on('exit', lambda code: print('exit', code))
        gnet.setTimeout(lambda: 1 / 0, 1)
        gnet.run()
        """)
    assert status == 1
    assert out == "exit 1\n"
    assert "ZeroDivisionError" in err


@pytest.mark.parametrize("code,expected", [
    ("abc", "ERR_INVALID_ARG_TYPE"), (1.5, "ERR_OUT_OF_RANGE"), (True, "ERR_INVALID_ARG_TYPE"),
    ([1], "ERR_INVALID_ARG_TYPE"),
])
def test_bad_exit_codes_are_nodes_errors(code, expected):
    with pytest.raises((TypeError, ValueError)) as info:
        gnet.process.exitCode = code
    assert info.value.code == expected
    with pytest.raises((TypeError, ValueError)) as info:
        gnet.process.exit(code)
    assert info.value.code == expected
    assert gnet.process.exitCode is None


def test_a_signal_no_process_can_catch_is_refused_when_added():
    for name in ("SIGKILL", "SIGSTOP"):
        with pytest.raises(OSError) as info:
            gnet.process.on(name, lambda: None)
        assert (info.value.code, info.value.syscall) == ("EINVAL", "uv_signal_start")
        assert gnet.process.listenerCount(name) == 0


def test_names_that_are_not_signals_are_plain_events():
    seen = []
    gnet.process.once("SIGFOO", seen.append)
    gnet.process.emit("SIGFOO", 1)
    assert seen == [1]
    with pytest.raises(TypeError) as info:
        gnet.process.kill(gnet.process.pid, "SIGFOO")
    assert info.value.code == "ERR_UNKNOWN_SIGNAL"


def test_pep8_names():
    assert gnet.process.exit_code is None
    assert gnet.process.next_tick is gnet.nextTick
