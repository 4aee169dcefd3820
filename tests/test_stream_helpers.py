"""Node's stream operators, unshift, wrap and the stream buffers on gnet sockets: what a trace cannot show.

Node's behaviour, call by call, is pinned by compat/scenarios/streams. These
tests cover the Python side: functions that block, greenlets, concurrency
with blocking calls, the PEP 8 names, keyword options, the object-mode
Readable the operators return. Everything synchronises on events; timeouts
are guards.
"""
import warnings

import gevent
import gevent.event
import pytest

import gnet
from gnet.streams.operators import IterableReadable, ObjectReadable
from gnet.streams.readable import Readable


def ack_server(messages, connections=1):
    """A server that sends ``messages`` one at a time: the first at once, each
    next one when the client writes '+'; then it ends. Closes after
    ``connections`` connections have closed. Returns (server, connect)."""
    closed = []

    def on_connection(conn):
        pending = list(messages)

        def next_message():
            if pending:
                conn.write(pending.pop(0))
            else:
                conn.end()

        next_message()
        conn.on("data", lambda data: [next_message() for ch in data if ch == ord("+")])
        conn.on("error", lambda err: None)

        def on_close():
            closed.append(conn)
            if len(closed) == connections:
                server.close()

        conn.on("close", on_close)

    server = gnet.createServer(on_connection)
    server.listen(0, "127.0.0.1")     # no host: bound at once

    def connect(**options):
        sock = gnet.connect(dict(port=server.address()["port"], host="127.0.0.1", **options))
        sock.setEncoding("utf8")
        return sock

    return server, connect


def closed_event(stream):
    """An Event set at ``stream``'s 'close' (which ``gnet.once`` would not
    reach when 'error' comes first)."""
    closed = gevent.event.Event()
    stream.on("close", lambda *args: closed.set())
    return closed


def in_greenlet(fn):
    """Run ``fn`` in a plain greenlet while the loop runs; its result, or its exception."""
    glet = gevent.spawn(fn)
    gnet.run()
    return glet.get(timeout=5)


# ---------------------------------------------------------------------------
# The PEP 8 names and the call forms

def test_pep8_names_are_the_node_methods():
    cls = gnet.Socket
    assert cls.to_array is cls.toArray
    assert cls.for_each is cls.forEach
    assert cls.flat_map is cls.flatMap
    assert cls.as_indexed_pairs is cls.asIndexedPairs
    assert cls.readable_buffer is cls.readableBuffer
    assert cls.writable_buffer is cls.writableBuffer
    assert cls.readable_object_mode is cls.readableObjectMode
    assert cls.writable_object_mode is cls.writableObjectMode


def test_pep8_names_read_a_socket():
    server, connect = ack_server(["a1", "b2", "c3"])

    def client():
        sock = connect()
        seen = []

        def each(chunk):
            seen.append(chunk)
            sock.write("+")

        assert sock.for_each(each) is None
        return seen

    assert in_greenlet(client) == ["a1", "b2", "c3"]


def test_options_as_keywords_in_either_spelling():
    server, connect = ack_server(["a1", "b2", "c3"])

    def client():
        sock = connect()

        def fn(chunk):
            sock.write("+")
            return chunk.upper()

        mapped = sock.map(fn, concurrency=1, high_water_mark=0)
        return mapped.to_array()

    assert in_greenlet(client) == ["A1", "B2", "C3"]


def test_unknown_keyword_is_a_type_error_and_reads_nothing():
    sock = gnet.Socket()
    with pytest.raises(TypeError, match="concurency"):
        sock.map(str, concurency=2)
    with pytest.raises(TypeError, match="sginal"):
        sock.toArray(sginal=None)
    assert sock.readableDidRead is False


def test_async_function_is_refused():
    async def fn(chunk):
        return chunk

    sock = gnet.Socket()
    for call in (lambda: sock.map(fn), lambda: sock.filter(fn), lambda: sock.forEach(fn),
                 lambda: sock.reduce(fn)):
        with pytest.raises(TypeError) as info:
            call()
        assert info.value.code == "ERR_INVALID_ARG_TYPE"
        assert "plain function" in str(info.value)


def test_fn_arity_one_parameter_gets_the_chunk_two_get_the_signal():
    server, connect = ack_server(["a1", "b2"])

    def client():
        sock = connect()
        got = []

        def two(chunk, options):
            got.append((chunk, type(options["signal"]).__name__))
            sock.write("+")
            return chunk

        def any_number(*args):
            got.append(len(args))
            return args[0]

        return sock.map(two).map(any_number).map(str.upper).toArray(), got

    values, got = in_greenlet(client)
    assert values == ["A1", "B2"]
    assert got == [("a1", "AbortSignal"), 2, ("b2", "AbortSignal"), 2]


# ---------------------------------------------------------------------------
# Blocking functions and greenlets

def test_fn_may_block_while_other_connections_go_on():
    """map's fn waits for what another connection receives: it blocks its
    own stream's greenlet only."""
    server, connect = ack_server(["a1", "b2"], connections=2)
    other_data = gevent.event.AsyncResult()

    def client():
        sock = connect()
        other = connect()
        other.once("data", lambda data: (other_data.set(data), other.resume(), other.write("++")))
        other.resume()

        def fn(chunk):
            sock.write("+")
            return chunk + "/" + other_data.get(timeout=5)

        return sock.map(fn).toArray()

    assert in_greenlet(client) == ["a1/a1", "b2/a1"]


def test_concurrency_runs_blocking_calls_at_once_in_order():
    """concurrency=2: the first call can only finish once the second has
    started; the results still come in the chunks' order."""
    server, connect = ack_server(["a1", "b2", "c3"])
    second_started = gevent.event.Event()
    order = []

    def client():
        sock = connect()

        def fn(chunk):
            order.append("start " + chunk)
            sock.write("+")
            if chunk == "a1":
                assert second_started.wait(timeout=5)
            if chunk == "b2":
                second_started.set()
            order.append("end " + chunk)
            return chunk

        return sock.map(fn, {"concurrency": 2}).toArray()

    assert in_greenlet(client) == ["a1", "b2", "c3"]
    assert order[:4] == ["start a1", "start b2", "end b2", "end a1"]


def test_default_concurrency_calls_fn_one_at_a_time():
    """With concurrency 1 the next chunk, already buffered, waits for fn."""
    server, connect = ack_server(["a1", "b2"])
    order = []

    def client():
        sock = connect()

        def fn(chunk):
            order.append("start " + chunk)
            if chunk == "a1":
                sock.write("+")
                gnet.once(sock, "readable", timeout=5000)    # b2 is in the buffer, unread
                order.append("buffered %d" % sock.readableLength)
            else:
                sock.write("+")
            order.append("end " + chunk)
            return chunk

        return sock.map(fn).toArray()

    assert in_greenlet(client) == ["a1", "b2"]
    assert order == ["start a1", "buffered 2", "end a1", "start b2", "end b2"]


def test_helpers_block_in_a_server_listening_callback():
    """A loop callback may block on an operator: the reads, and the
    nextTicks the wait itself queued, go on meanwhile."""
    server, connect = ack_server(["a1", "b2"])
    got = []
    other = gnet.createServer()

    def on_listening():
        sock = connect()

        def fn(chunk):
            sock.write("+")
            return chunk

        got.append(sock.map(fn).toArray())
        other.close()

    other.listen(0, "127.0.0.1", on_listening)
    gnet.run()
    assert got == [["a1", "b2"]]


def test_for_value_in_operator_result():
    server, connect = ack_server(["a1", "b2", "c3"])

    def client():
        sock = connect()

        def fn(chunk):
            sock.write("+")
            return chunk != "b2"

        return [value for value in sock.filter(fn)]

    assert in_greenlet(client) == ["a1", "c3"]


def test_flat_map_of_blocking_generators():
    server, connect = ack_server(["ab", "cd"])

    def client():
        sock = connect()

        def fn(chunk):
            sock.write("+")
            for ch in chunk:
                gevent.idle()
                yield ch

        return sock.flatMap(fn).toArray()

    assert in_greenlet(client) == ["a", "b", "c", "d"]


def test_filter_reads_results_by_python_truthiness():
    server, connect = ack_server(["a1", "  ", "c3"])

    def client():
        sock = connect()

        def fn(chunk):
            sock.write("+")
            return chunk.split()        # [] for blank chunks: false in Python

        return sock.filter(fn).toArray()

    assert in_greenlet(client) == ["a1", "c3"]


def test_reduce_signal_is_aborted_when_reduce_returns():
    server, connect = ack_server(["a1", "b2"])
    signals = []

    def client():
        sock = connect()
        sock.write("+")

        def fn(acc, chunk, options):
            signals.append(options["signal"])
            assert not options["signal"].aborted
            sock.write("+")
            return acc + chunk

        return sock.reduce(fn, ">")

    assert in_greenlet(client) == ">a1b2"
    assert signals and all(signal.aborted for signal in signals)


def test_as_indexed_pairs_warns_deprecation():
    sock = gnet.Socket()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = sock.asIndexedPairs()
    assert [w.category for w in caught] == [DeprecationWarning]
    assert "asIndexedPairs" in str(caught[0].message)
    assert result.readableObjectMode is True


def test_for_chunk_in_socket_break_destroys_it_with_abort_error():
    server, connect = ack_server(["a1", "b2"])
    errors = []

    def client():
        sock = connect()
        sock.on("error", errors.append)
        closed = closed_event(sock)
        for chunk in sock:
            break
        return chunk, sock.destroyed, closed.wait(timeout=5)

    assert in_greenlet(client) == ("a1", True, True)
    assert [err.code for err in errors] == ["ABORT_ERR"]


def test_take_returns_its_values_then_the_source_is_destroyed():
    """take(1) leaves the rest unread and destroys the source."""
    server, connect = ack_server(["a1", "b2"])

    def client():
        sock = connect()
        sock.on("error", lambda err: None)
        closed = closed_event(sock)
        taken = sock.take(1)
        values = taken.toArray()
        closed.wait(timeout=5)
        return values, taken.destroyed, sock.destroyed

    assert in_greenlet(client) == (["a1"], True, True)


# ---------------------------------------------------------------------------
# The object-mode Readable the operators return

def test_destroying_an_operator_stream_waits_for_the_value_in_flight():
    """As a JavaScript generator busy awaiting: destroy() closes the map's
    generator once the value it is computing is there, and 'close' follows."""
    server, connect = ack_server(["a1", "b2"])
    events = []

    def client():
        sock = connect()
        sock.on("error", lambda err: None)
        started = gevent.event.Event()
        release = gevent.event.Event()

        def fn(chunk):
            events.append("fn " + chunk)
            started.set()
            release.wait(timeout=5)
            events.append("fn done " + chunk)
            return chunk

        mapped = sock.map(fn)
        mapped.on("close", lambda: events.append("mapped close"))
        mapped.on("data", lambda value: events.append("data " + value))
        assert started.wait(timeout=5)
        closed = closed_event(mapped)
        mapped.destroy()
        events.append("destroyed")
        release.set()
        closed.wait(timeout=5)
        sock.destroy()

    in_greenlet(client)
    assert events == ["fn a1", "destroyed", "fn done a1", "mapped close"]


def test_object_readable_counts_values_and_reads_one_at_a_time():
    stream = ObjectReadable()
    stream._read = lambda: None
    assert stream.push({"a": 1}) is True
    assert stream.push(0) is True
    assert stream.unshift("first") is True
    assert stream.readableLength == 3
    assert stream.readableObjectMode is True
    assert stream.readableHighWaterMark == 16
    assert stream.readableBuffer == ["first", {"a": 1}, 0]
    assert stream.read() == "first"
    assert stream.read(100) == {"a": 1}
    assert stream.read() == 0
    assert stream.read() is None
    assert stream.readableLength == 0


def test_object_readable_ends_after_push_none_and_refuses_more():
    stream = ObjectReadable()
    stream._read = lambda: None
    events = []
    stream.on("end", lambda: events.append("end"))
    stream.on("error", lambda err: events.append(err.code))
    stream.on("close", lambda: events.append("close"))
    stream.on("data", lambda value: events.append(value))
    stream.push("x")
    stream.push(None)

    def later():
        stream.push("late")
    gnet.setImmediate(later)
    gnet.run()
    assert events == ["x", "end", "close"]


def test_readable_alone_without_read_fails_with_method_not_implemented():
    stream = Readable()
    errors = []
    stream.on("error", errors.append)
    stream.read(0)
    gnet.run()
    assert [err.code for err in errors] == ["ERR_METHOD_NOT_IMPLEMENTED"]
    assert stream.destroyed


def test_iterable_readable_yields_a_generator_and_destroys_on_none():
    def values():
        yield "a"
        yield None

    stream = IterableReadable(values())
    got = []
    stream.on("data", got.append)
    stream.on("error", lambda err: got.append(err.code))
    gnet.run()
    assert got == ["a", "ERR_STREAM_NULL_VALUES"]


def test_readable_buffer_is_a_copy():
    stream = ObjectReadable()
    stream._read = lambda: None
    stream.push("a")
    stream.readableBuffer.append("b")
    assert stream.readableBuffer == ["a"]
    assert stream.readableLength == 1


def test_writable_buffer_entries_are_dicts_with_the_callback_given():
    sock = gnet.Socket()
    server = gnet.createServer(lambda conn: conn.resume())
    server.listen(0)
    sock.connect(server.address()["port"], "127.0.0.1")
    sock.write(b"first")

    def written(err=None):
        pass

    sock.write(bytearray(b"second"), written)
    sock.write("third")
    entries = sock.writableBuffer
    assert [entry["chunk"] for entry in entries] == [b"second", b"third"]
    assert [entry["encoding"] for entry in entries] == ["buffer", "buffer"]
    assert entries[0]["callback"] is written
    assert callable(entries[1]["callback"])
    sock.destroy()
    server.close()
    gnet.run()


def test_unshift_of_a_memoryview_and_bytearray():
    stream = Readable()
    stream._read = lambda: None
    stream.push(b"cd")
    assert stream.unshift(bytearray(b"b")) is True
    assert stream.unshift(memoryview(b"a")) is True
    assert stream.readableBuffer == [b"a", b"b", b"cd"]
    assert stream.read() == b"abcd"
