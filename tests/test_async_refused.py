"""``async def`` listeners and callbacks are refused where they are registered (API.md 2, issue 13.3).

gnet calls listeners and never awaits what they return: an ``async def``
would be accepted and silently never run. Every way of registering one
raises ``ERR_INVALID_ARG_TYPE`` at once, and nothing is left registered.
"""

import functools

import pytest

import gnet


async def on_async(*args):
    pass


async def on_async_gen(*args):
    yield


class Handler:
    async def method(self, *args):
        pass

    async def __call__(self, *args):
        pass


ASYNC_CALLABLES = [
    pytest.param(on_async, id="async-def"),
    pytest.param(on_async_gen, id="async-generator"),
    pytest.param(Handler().method, id="bound-async-method"),
    pytest.param(functools.partial(on_async, 1), id="partial-of-async"),
    pytest.param(Handler(), id="object-with-async-call"),
]


def refused(call, name):
    with pytest.raises(TypeError) as info:
        call()
    err = info.value
    assert err.code == "ERR_INVALID_ARG_TYPE"
    assert 'The "%s" argument must be a plain function' % name in str(err)
    assert "may block" in str(err)


@pytest.mark.parametrize("fn", ASYNC_CALLABLES)
@pytest.mark.parametrize("method", ["on", "addListener", "once", "prependListener", "prependOnceListener"])
def test_emitter_methods_refuse_async_listeners(method, fn):
    emitter = gnet.EventEmitter()
    refused(lambda: getattr(emitter, method)("data", fn), "listener")
    assert emitter.listenerCount("data") == 0


def test_decorator_form_refuses_async_def():
    sock = gnet.Socket()
    with pytest.raises(TypeError) as info:
        @sock.on("data")
        async def on_data(chunk):
            pass
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert "on_data" in str(info.value)
    assert sock.listenerCount("data") == 0


@pytest.mark.parametrize("register", [
    pytest.param(lambda: gnet.setTimeout(on_async, 1), id="setTimeout"),
    pytest.param(lambda: gnet.setInterval(on_async, 1), id="setInterval"),
    pytest.param(lambda: gnet.setImmediate(on_async), id="setImmediate"),
    pytest.param(lambda: gnet.nextTick(on_async), id="nextTick"),
    pytest.param(lambda: gnet.Socket().write(b"x", on_async), id="write-callback"),
    pytest.param(lambda: gnet.Socket().end(on_async), id="end-callback"),
    pytest.param(lambda: gnet.createServer().getConnections(on_async), id="getConnections"),
    pytest.param(lambda: gnet.AbortController().signal.addEventListener("abort", on_async),
                 id="AbortSignal.addEventListener"),
    pytest.param(lambda: gnet.Socket({"onread": {"buffer": bytearray(16), "callback": on_async}}),
                 id="onread-callback"),
])
def test_callbacks_refuse_async_def(register):
    refused(register, "callback")


@pytest.mark.parametrize("register,name", [
    pytest.param(lambda s: s.listen(0, on_async), "listener", id="listen-callback"),
    pytest.param(lambda s: s.close(on_async), "callback", id="close-callback"),
    pytest.param(lambda s: s.on("connection", on_async), "listener", id="connection-listener"),
])
def test_server_refuses_async_def_and_keeps_serving(register, name):
    server = gnet.createServer()
    refused(lambda: register(server), name)
    assert server.listenerCount("listening") == 0
    assert server.listenerCount("close") == 0
    seen = []
    server.listen(0, "127.0.0.1", lambda: server.close(lambda: seen.append("closed")))
    gnet.run()
    assert seen == ["closed"]


def test_create_server_refuses_async_connection_listener():
    refused(lambda: gnet.createServer(on_async), "listener")


def test_plain_functions_still_work_everywhere():
    seen = []
    gnet.setTimeout(lambda: seen.append("timeout"), 1)
    gnet.setImmediate(lambda: seen.append("immediate"))
    gnet.nextTick(lambda: seen.append("tick"))
    gnet.run()
    assert seen == ["tick", "immediate", "timeout"]
