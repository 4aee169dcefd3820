"""Node's stream operators, blocking, and the object-mode Readable they return."""

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from gnet._typing import Encoding
from gnet.eventloop.abort import AbortSignal
from gnet.streams.readable import Readable

__all__ = ["Operators", "ObjectReadable", "IterableReadable"]

#: What an operator's function gets: ``fn(value)`` or ``fn(value, {'signal': signal})``.
_Fn = Callable[..., object]

class Operators:
    """Node's stream operators: https://nodejs.org/docs/latest-v20.x/api/stream.html#readablemapfn-options

    ``map``, ``filter``, ``flatMap``, ``drop``, ``take``, ``asIndexedPairs``
    return an object-mode Readable; the others block until their value is known.
    """

    def map(
        self, fn: _Fn, options: Mapping[str, Any] | None = None, *, signal: AbortSignal | None = ...,
        concurrency: int = ..., highWaterMark: int = ..., high_water_mark: int = ...,
    ) -> ObjectReadable:
        """Node's ``readable.map(fn[, options])``: a Readable of ``fn(value, {'signal': signal})``."""

    def filter(
        self, fn: _Fn, options: Mapping[str, Any] | None = None, *, signal: AbortSignal | None = ...,
        concurrency: int = ..., highWaterMark: int = ..., high_water_mark: int = ...,
    ) -> ObjectReadable: ...
    def flatMap(
        self, fn: Callable[..., Any], options: Mapping[str, Any] | None = None, *, signal: AbortSignal | None = ...,
        concurrency: int = ..., highWaterMark: int = ..., high_water_mark: int = ...,
    ) -> ObjectReadable: ...
    def drop(
        self, limit: float | str = ..., options: Mapping[str, Any] | None = None, *, signal: AbortSignal | None = ...
    ) -> ObjectReadable: ...
    def take(
        self, limit: float | str = ..., options: Mapping[str, Any] | None = None, *, signal: AbortSignal | None = ...
    ) -> ObjectReadable: ...
    def asIndexedPairs(
        self, options: Mapping[str, Any] | None = None, *, signal: AbortSignal | None = ...
    ) -> ObjectReadable: ...
    def forEach(
        self, fn: _Fn, options: Mapping[str, Any] | None = None, *, signal: AbortSignal | None = ...,
        concurrency: int = ..., highWaterMark: int = ..., high_water_mark: int = ...,
    ) -> None:
        """Node's ``readable.forEach(fn[, options])``: blocks until the end."""

    def toArray(self, options: Mapping[str, Any] | None = None, *, signal: AbortSignal | None = ...) -> list[Any]:
        """Node's ``readable.toArray([options])``: every value; blocks until the end."""

    def some(
        self, fn: _Fn, options: Mapping[str, Any] | None = None, *, signal: AbortSignal | None = ...,
        concurrency: int = ..., highWaterMark: int = ..., high_water_mark: int = ...,
    ) -> bool: ...
    def every(
        self, fn: _Fn, options: Mapping[str, Any] | None = None, *, signal: AbortSignal | None = ...,
        concurrency: int = ..., highWaterMark: int = ..., high_water_mark: int = ...,
    ) -> bool: ...
    def find(
        self, fn: _Fn, options: Mapping[str, Any] | None = None, *, signal: AbortSignal | None = ...,
        concurrency: int = ..., highWaterMark: int = ..., high_water_mark: int = ...,
    ) -> Any: ...
    def reduce(
        self, fn: Callable[..., Any], initial: Any = ..., options: Mapping[str, Any] | None = None, *,
        signal: AbortSignal | None = ...,
    ) -> Any:
        """Node's ``readable.reduce(fn[, initial[, options]])``: blocks until the end."""
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    flat_map = flatMap
    as_indexed_pairs = asIndexedPairs
    for_each = forEach
    to_array = toArray
    # end of PEP 8 twins

class ObjectReadable(Readable, Operators):
    """Node's Readable in object mode: any value but ``None`` is one chunk."""

    def __init__(self, high_water_mark: int = ...) -> None: ...
    def push(self, chunk: object = ..., encoding: Encoding | None = None) -> bool: ...
    def unshift(self, chunk: object = ..., encoding: Encoding | None = None) -> bool: ...
    def read(self, n: int | None = None) -> Any: ...
    def __iter__(self) -> Iterator[Any]: ...

class IterableReadable(ObjectReadable):
    """Node's ``Readable.from(iterable)`` for an operator's generator."""

    def __init__(self, generator: Iterator[Any]) -> None: ...
