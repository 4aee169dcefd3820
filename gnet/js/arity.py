"""JavaScript's call convention for Python callables (API.md section 2).

A JavaScript function ignores extra arguments and sees missing ones as
``undefined``. gnet calls listeners and callbacks the same way: a callable that
takes fewer positional parameters gets only the leading arguments, a required
parameter with no argument gets ``None``, one with a default keeps it, and a
callable taking ``*args`` (or whose signature cannot be read) gets them all.

The signature is read once, when the callable is registered (``bounds``); each
call then costs one comparison (``call``). Where the arguments too are known at
registration (timers, immediates, nextTicks), they are fitted then (``fit``).

A coroutine function (``async def``) is refused where ``bounds`` reads it, at
registration: gnet calls listeners and callbacks and never awaits what they
return, so it would never run (API.md section 2).

The other way round, ``MISSING`` is the default of a gnet parameter whose
argument may be left out where that differs from ``None`` (``undefined``):
``write()`` against ``write(None)``, ``on('data')`` (a decorator) against
``on('data', None)`` (an error).
"""

import inspect
import types

from gnet.js import errors

__all__ = ["MISSING", "bounds", "call", "fit", "adapt"]


class _Missing:
    """An argument that was not passed: JavaScript's shorter ``arguments``."""

    def __repr__(self):
        return "MISSING"

    def __bool__(self):
        return False


#: Marks an argument not passed at all (``write()`` vs ``write(None)``); the
#: one such marker in gnet.
MISSING = _Missing()

#: ``bounds()`` of a callable that takes every argument as given.
ALL = (0, None)


def bounds(fn, name="callback"):
    """``(required, maximum)`` positional parameters of ``fn``; ``maximum`` is
    ``None`` when it takes ``*args`` or its signature cannot be read. A
    coroutine function is ``ERR_INVALID_ARG_TYPE`` for the argument ``name``."""
    # _code_bounds inlined for the common cases: a plain function or closure,
    # or a bound method of one (``on('x', obj.method)``, its ``self`` not counted).
    func, skip = (fn.__func__, 1) if type(fn) is _MethodType else (fn, 0)
    if type(func) is _FunctionType and not func.__dict__:
        code = func.__code__
        flags = code.co_flags
        maximum = code.co_argcount - skip
        if not flags & _CO_ASYNC and maximum >= 0:
            defaults = func.__defaults__
            required = maximum - len(defaults) if defaults else maximum
            if required >= 0:
                return (required, None) if flags & _CO_VARARGS else (required, maximum)
    fast = _code_bounds(fn)
    if fast is not None:
        if fast is _ASYNC:
            raise errors.async_callback_error(name, fn)
        return fast
    if _is_async(fn):
        raise errors.async_callback_error(name, fn)
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return ALL
    required = maximum = 0
    for param in sig.parameters.values():
        kind = param.kind
        if kind is param.VAR_POSITIONAL:
            return (required, None)
        if kind is param.POSITIONAL_ONLY or kind is param.POSITIONAL_OR_KEYWORD:
            maximum += 1
            if param.default is param.empty:
                required = maximum
    return (required, maximum)


_FunctionType = types.FunctionType
_MethodType = types.MethodType
_CO_VARARGS = 0x04
#: ``async def`` and ``async def`` with ``yield``.
_CO_ASYNC = inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR
#: What ``_code_bounds`` answers for a coroutine function.
_ASYNC = (-1, -1)


def _is_async(fn):
    """Whether calling ``fn`` makes a coroutine or an async generator instead
    of running it: an ``async def`` function, method or partial, or an object
    whose ``__call__`` is one."""
    if inspect.iscoroutinefunction(fn) or inspect.isasyncgenfunction(fn):
        return True
    call_ = getattr(type(fn), "__call__", None)
    return (not isinstance(fn, (types.FunctionType, types.MethodType, types.BuiltinFunctionType, type))
            and call_ is not None
            and (inspect.iscoroutinefunction(call_) or inspect.isasyncgenfunction(call_)))


def _code_bounds(fn):
    """``bounds`` read straight from a plain function's code object (about 30x
    cheaper than ``inspect.signature``); ``None`` when that cannot be trusted."""
    skip = 0
    if type(fn) is types.MethodType:
        fn, skip = fn.__func__, 1
    # A function with attributes of its own may carry ``__wrapped__`` or
    # ``__signature__``, which ``inspect.signature`` honours; one empty
    # ``__dict__`` test is cheaper than two failed attribute lookups.
    if (type(fn) is not types.FunctionType and type(fn) is not _COMPILED_FUNCTION) or fn.__dict__:
        return None
    code = fn.__code__
    if code.co_flags & _CO_ASYNC:
        return _ASYNC
    maximum = code.co_argcount - skip
    required = maximum - len(fn.__defaults__ or ())
    if maximum < 0 or required < 0:
        return None
    if code.co_flags & _CO_VARARGS:
        return (required, None)
    return (required, maximum)


#: The type of a function of gnet's compiled build (Cython's, whose code
#: object carries the same ``co_argcount`` and flags), so that ``c.on('data',
#: c.write)`` is read as cheaply on either build; ``types.FunctionType`` again
#: on the pure one.
_COMPILED_FUNCTION = type(_code_bounds)


def call(fn, fn_bounds, args):
    """Call ``fn`` with ``args`` trimmed or padded to what ``fn_bounds`` allows."""
    required, maximum = fn_bounds
    count = len(args)
    if maximum is not None and count > maximum:
        return fn(*args[:maximum])
    if count < required:
        return fn(*(tuple(args) + (None,) * (required - count)))
    return fn(*args)


def fit(fn, args, name="callback"):
    """``args`` (a tuple) trimmed or padded once for ``fn``, for a callback whose
    arguments are fixed when it is registered (``setTimeout(fn, ms, *args)``,
    ``nextTick(fn, *args)``), so that each call is a plain ``fn(*args)``."""
    required, maximum = bounds(fn, name)
    count = len(args)
    if maximum is not None and count > maximum:
        return args[:maximum]
    if count < required:
        return args + (None,) * (required - count)
    return args


def adapt(fn, name="callback"):
    """``fn`` as a callable taking any number of positional arguments."""
    fn_bounds = bounds(fn, name)
    if fn_bounds == ALL:
        return fn

    def adapted(*args):
        return call(fn, fn_bounds, args)

    adapted.__wrapped__ = fn
    return adapted
