"""gnet.js.encodings: Node's encoding names, Buffer.from, buf.toString and string_decoder.

Expected values come from Node v20 (compat/scenarios/encodings/ pins the same
behaviours against a live `node`).
"""
from array import array

import pytest

from gnet.js import errors
from gnet.js.encodings import (
    ENCODINGS, StringDecoder, decode, encode, is_encoding, normalize, to_bytes, write_encoding)


# ---------------------------------------------------------------------------
# names

@pytest.mark.parametrize("name, canonical", [
    ("utf8", "utf8"), ("utf-8", "utf8"), ("UTF-8", "utf8"), ("Utf8", "utf8"),
    ("utf16le", "utf16le"), ("UTF-16LE", "utf16le"), ("ucs2", "utf16le"), ("UCS-2", "utf16le"),
    ("latin1", "latin1"), ("binary", "latin1"), ("BINARY", "latin1"),
    ("ascii", "ascii"), ("ASCII", "ascii"), ("hex", "hex"), ("HeX", "hex"),
    ("base64", "base64"), ("BASE64", "base64"), ("base64url", "base64url"), ("Base64URL", "base64url"),
])
def test_normalize_maps_every_node_spelling_in_any_case_to_the_canonical_name(name, canonical):
    assert normalize(name) == canonical


@pytest.mark.parametrize("name", ["utf16", "utf-16", "latin-1", "us-ascii", " utf8", "utf8 ", "buffer",
                                  "utf_8", "\u212aascii"])
def test_normalize_answers_none_for_names_node_does_not_know(name):
    assert normalize(name) is None


def test_normalize_reads_none_and_empty_string_as_utf8():
    assert normalize(None) == "utf8"
    assert normalize("") == "utf8"


@pytest.mark.parametrize("name", [5, True, 0, [], {}, b"utf8"])
def test_normalize_answers_none_for_names_that_are_not_strings(name):
    assert normalize(name) is None


def test_canonical_names_are_node_seven_encodings():
    assert sorted(ENCODINGS) == sorted({normalize(n) for n in ENCODINGS})
    assert len(ENCODINGS) == 7


def test_is_encoding_is_buffer_is_encoding_which_refuses_empty_and_none():
    assert is_encoding("UTF-8")
    assert is_encoding("ucs-2")
    assert not is_encoding("")
    assert not is_encoding(None)
    assert not is_encoding("buffer")
    assert not is_encoding(5)


# ---------------------------------------------------------------------------
# write(chunk, encoding): the encoding check

@pytest.mark.parametrize("falsy", [None, "", 0, False, 0.0, float("nan")])
def test_write_encoding_treats_javascript_falsy_values_as_the_default(falsy):
    assert write_encoding(falsy) == "utf8"
    assert write_encoding(falsy, default="latin1") == "latin1"


def test_write_encoding_accepts_buffer_and_normalizes_known_names():
    assert write_encoding("buffer") == "buffer"
    assert write_encoding("UCS-2") == "utf16le"


@pytest.mark.parametrize("name, shown", [("bogus", "bogus"), ("BUFFER", "BUFFER"), (5, "5"),
                                         (True, "true"), ([], "[]"), ({}, "{}")])
def test_write_encoding_raises_unknown_encoding_with_node_message(name, shown):
    with pytest.raises(errors.ERR_UNKNOWN_ENCODING) as info:
        write_encoding(name)
    assert str(info.value) == "Unknown encoding: %s" % shown
    assert isinstance(info.value, TypeError)


# ---------------------------------------------------------------------------
# to_bytes: socket.write's data

def test_to_bytes_returns_bytes_themselves_without_a_copy():
    data = b"abc"
    assert to_bytes(data) is data
    assert to_bytes(data, "utf8") is data


def test_to_bytes_copies_bytearray_and_memoryview_contents():
    assert to_bytes(bytearray(b"ab")) == b"ab"
    assert type(to_bytes(bytearray(b"ab"))) is bytes
    assert to_bytes(memoryview(b"xyz")[1:]) == b"yz"
    assert to_bytes(memoryview(array("H", [0x6867]))) == b"gh"


def test_to_bytes_copies_the_memory_of_an_array_as_node_sends_a_typed_array():
    # Node writes a TypedArray's bytes as they lie in memory (compat:
    # socket/write_typed_arrays_sends_their_memory); array.array is Python's.
    assert to_bytes(array("H", [0x6867, 0x6a69])) == array("H", [0x6867, 0x6a69]).tobytes()
    assert to_bytes(array("d", [1.5]), "hex") == array("d", [1.5]).tobytes()
    assert type(to_bytes(array("b", [-1]))) is bytes


def test_to_bytes_encodes_a_str_with_the_given_encoding_or_utf8():
    assert to_bytes("\u00e9") == b"\xc3\xa9"
    assert to_bytes("\u00e9", "latin1") == b"\xe9"
    assert to_bytes("\u00e9", None, default="latin1") == b"\xe9"
    assert to_bytes("abz", "hex") == b"\xab"


def test_to_bytes_refuses_none_before_looking_at_the_encoding():
    with pytest.raises(errors.ERR_STREAM_NULL_VALUES):
        to_bytes(None, "bogus")


def test_to_bytes_checks_the_encoding_even_for_bytes():
    with pytest.raises(errors.ERR_UNKNOWN_ENCODING):
        to_bytes(b"x", "bogus")


def test_to_bytes_checks_the_encoding_before_the_data_type():
    with pytest.raises(errors.ERR_UNKNOWN_ENCODING):
        to_bytes(5, "bogus")


def test_to_bytes_refuses_other_types_with_invalid_arg_type():
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        to_bytes(5, "utf8")
    assert str(info.value) == ('The "chunk" argument must be of type string or an instance of Buffer, '
                               'TypedArray, or DataView. Received type number (5)')


def test_to_bytes_refuses_a_str_with_the_buffer_encoding():
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        to_bytes("x", "buffer")
    assert to_bytes(b"x", "buffer") == b"x"


# ---------------------------------------------------------------------------
# encode: Buffer.from(string, encoding)

def test_encode_utf8_turns_each_lone_surrogate_into_u_fffd():
    assert encode("a\ud800b", "utf8") == b"a\xef\xbf\xbdb"
    assert encode("\udc00\ud800") == b"\xef\xbf\xbd" * 2


def test_encode_utf8_reads_two_surrogate_code_points_as_one_javascript_character():
    assert encode("\ud83d\ude00", "utf8") == "\U0001f600".encode("utf-8")
    assert encode("\ud83d\ude00\ud83d") == b"\xf0\x9f\x98\x80\xef\xbf\xbd"


def test_encode_without_a_usable_encoding_name_is_utf8_as_buffer_from():
    assert encode("\u00e9", None) == b"\xc3\xa9"
    assert encode("\u00e9", "") == b"\xc3\xa9"
    assert encode("\u00e9", 5) == b"\xc3\xa9"


def test_encode_raises_unknown_encoding_even_for_an_empty_string():
    with pytest.raises(errors.ERR_UNKNOWN_ENCODING):
        encode("", "bogus")


def test_encode_refuses_text_that_is_not_a_str():
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        encode(b"abc", "utf8")


@pytest.mark.parametrize("name", ["latin1", "binary", "ascii"])
def test_encode_single_byte_keeps_the_low_byte_of_each_utf16_code_unit(name):
    assert encode("\u00e9A\u0141\u20ac", name) == b"\xe9A\x41\xac"
    # An astral character is two code units, its surrogates.
    assert encode("\U0001f600", name) == b"\x3d\x00"
    assert encode("\ud800", name) == b"\x00"


def test_encode_utf16le_writes_surrogate_pairs_and_lone_surrogates_as_code_units():
    assert encode("A\U0001f600", "utf16le") == b"A\x00\x3d\xd8\x00\xde"
    assert encode("\ud800", "ucs2") == b"\x00\xd8"


@pytest.mark.parametrize("text, expected", [
    ("00ff10AbCd", b"\x00\xff\x10\xab\xcd"),
    ("abz", b"\xab"),            # stops at the first pair that is not hex
    ("abc", b"\xab"),            # a lone trailing digit is dropped
    ("zz12", b""),
    ("12zz34", b"\x12"),
    ("a b c", b""),              # no whitespace skipping
    ("0x12", b""),
    ("\u0130\u0131", b"\x01"),   # code units are cut to their low byte: '01'
    ("\ud830\udc31", b"\x01"),
    ("\u00e9\u00e9", b""),
])
def test_encode_hex_decodes_pairs_until_the_first_invalid_one(text, expected):
    assert encode(text, "hex") == expected


@pytest.mark.parametrize("text, expected", [
    ("QUJD", b"ABC"),
    ("QUJDRA", b"ABCD"),                 # padding is optional
    ("QUJDRA==", b"ABCD"),
    ("QUJDRA===", b"ABCD"),
    ("QUJ DRA==", b"ABCD"),              # whitespace is skipped
    ("QU\nJD\r\nRA\t", b"ABCD"),
    ("...QUJD...", b"ABC"),              # so is any other junk
    ("QQ==QUJD", b"A"),                  # '=' ends the input
    ("=QUJD", b""),
    ("QR==", b"A"),                      # bits past the last byte are dropped
    ("Q", b""),                          # a last group of one character gives nothing
    ("QUJDR", b"ABC"),
    ("-_-_", b"\xfb\xff\xbf"),           # both alphabets, in either encoding name
    ("+/+/", b"\xfb\xff\xbf"),
    ("\u0141\u0141\u0141\u0141", b"\x00\x00\x00"),  # U+0141 cut to 0x41, 'A'
    ("QU\u013dJD", b"A"),                # U+013D cut to 0x3D, '='
])
def test_encode_base64_is_lenient_as_node(text, expected):
    assert encode(text, "base64") == expected
    assert encode(text, "base64url") == expected


# ---------------------------------------------------------------------------
# decode: buf.toString(encoding)

def test_decode_ascii_clears_the_high_bit_instead_of_failing():
    assert decode(b"\xe9A\xff", "ascii") == "iA\x7f"


def test_decode_latin1_maps_each_byte_to_the_same_code_point():
    assert decode(bytes(range(256)), "binary") == "".join(map(chr, range(256)))


def test_decode_utf16le_drops_a_trailing_odd_byte_and_keeps_lone_surrogates():
    assert decode(b"A\x00B", "utf16le") == "A"
    assert decode(b"\x3d\xd8A\x00", "ucs2") == "\ud83dA"
    assert decode(b"\x3d\xd8\x00\xde", "utf16le") == "\U0001f600"


def test_decode_base64url_has_no_padding_and_base64_has():
    assert decode(b"\xfb\xff", "base64") == "+/8="
    assert decode(b"\xfb\xff", "base64url") == "-_8"


def test_decode_hex_is_lower_case():
    assert decode(b"\xab\x01", "HEX") == "ab01"


def test_decode_raises_unknown_encoding():
    with pytest.raises(errors.ERR_UNKNOWN_ENCODING):
        decode(b"", "utf-16")


@pytest.mark.parametrize("hex_, replacements", [
    ("c080", 2), ("c1bf", 2), ("e08080", 3), ("e09fbf", 3), ("f0808080", 4),   # overlong forms
    ("eda080", 3), ("edbfbf", 3),                                             # UTF-8 surrogates
    ("f4908080", 4), ("f5808080", 4), ("f888808080", 5), ("fc8480808080", 6),  # past U+10FFFF
    ("80", 1), ("8080", 2), ("fe", 1), ("ff", 1),                             # lone bytes
    ("e282", 1), ("f09f98", 1), ("e0a0", 1), ("f190", 1),                     # truncated
])
def test_decode_utf8_replaces_each_maximal_invalid_subpart_with_one_u_fffd(hex_, replacements):
    assert decode(bytes.fromhex(hex_)) == "\ufffd" * replacements


# ---------------------------------------------------------------------------
# StringDecoder

def test_string_decoder_defaults_to_utf8_and_exposes_the_canonical_name():
    assert StringDecoder().encoding == "utf8"
    assert StringDecoder(None).encoding == "utf8"
    assert StringDecoder("UCS-2").encoding == "utf16le"
    assert StringDecoder("binary").encoding == "latin1"


def test_string_decoder_raises_unknown_encoding_for_names_node_does_not_know():
    with pytest.raises(errors.ERR_UNKNOWN_ENCODING) as info:
        StringDecoder("buffer")
    assert str(info.value) == "Unknown encoding: buffer"
    with pytest.raises(errors.ERR_UNKNOWN_ENCODING):
        StringDecoder(5)


@pytest.mark.parametrize("text", ["\u00e9", "\u20ac", "\U0001f600"])
def test_string_decoder_utf8_never_splits_a_character_across_writes(text):
    data = text.encode("utf-8")
    for cut in range(1, len(data)):
        d = StringDecoder("utf8")
        assert d.write(data[:cut]) == ""
        assert d.lastNeed == len(data) - cut
        assert d.lastTotal == len(data)
        assert d.write(data[cut:]) == text
        assert d.end() == ""


def test_string_decoder_utf8_byte_at_a_time_gives_whole_characters():
    data = "a\u00e9\u20ac\U0001f600z".encode("utf-8")
    d = StringDecoder()
    pieces = [d.write(data[i:i + 1]) for i in range(len(data))]
    assert [p for p in pieces if p] == ["a", "\u00e9", "\u20ac", "\U0001f600", "z"]


def test_string_decoder_utf8_end_flushes_an_incomplete_character_as_one_u_fffd():
    d = StringDecoder("utf8")
    assert d.write(b"A\xf0\x9f\x98") == "A"
    assert d.end() == "\ufffd"
    assert d.lastNeed == 0


def test_string_decoder_utf8_replaces_a_character_cut_by_a_non_continuation_byte_at_once():
    d = StringDecoder("utf8")
    assert d.write(b"\xe2\x82") == ""
    assert d.write(b"A") == "\ufffdA"
    assert d.end() == ""
    d = StringDecoder("utf8")
    assert d.write(b"\xe2") == ""
    assert d.write(b"\xe2\x82\xac") == "\ufffd\u20ac"


def test_string_decoder_utf8_keeps_invalid_sequences_counts_when_split():
    # ED A0 80 is a surrogate encoded in UTF-8: three U+FFFD, however it arrives.
    for cut in range(4):
        d = StringDecoder("utf8")
        assert d.write(b"\xed\xa0\x80"[:cut]) + d.write(b"\xed\xa0\x80"[cut:]) + d.end() == "\ufffd" * 3


def test_string_decoder_passes_a_str_through_and_keeps_held_bytes():
    d = StringDecoder("utf8")
    assert d.write(b"A\xe2\x82") == "A"
    assert d.write("b\u00e9") == "b\u00e9"
    assert d.lastNeed == 1
    assert d.end(b"\xac") == "\u20ac"


def test_string_decoder_end_writes_its_argument_then_flushes_and_can_be_reused():
    d = StringDecoder("utf8")
    assert d.end(b"\xc3") == "\ufffd"
    assert d.write(b"\xc3") == ""
    assert d.end(b"\xa9") == "\u00e9"
    assert d.end() == ""


def test_string_decoder_accepts_bytearray_and_memoryview_of_any_format():
    d = StringDecoder("utf8")
    assert d.write(bytearray(b"\xc3")) == ""
    assert d.write(memoryview(b"\xa9")) == "\u00e9"
    assert d.write(memoryview(array("H", [0x4241]))) == "AB"


@pytest.mark.parametrize("bad", [5, None, {}, [1, 2], True])
def test_string_decoder_write_refuses_other_types_with_invalid_arg_type(bad):
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        StringDecoder().write(bad)
    assert str(info.value).startswith(
        'The "buf" argument must be an instance of Buffer, TypedArray, or DataView. Received ')


def test_string_decoder_utf16le_keeps_a_surrogate_pair_whole_across_even_writes():
    d = StringDecoder("utf16le")
    assert d.write(b"A\x00\x3d\xd8") == "A"
    assert (d.lastNeed, d.lastTotal) == (2, 4)
    assert d.write(b"\x00\xde") == "\U0001f600"


def test_string_decoder_utf16le_holds_half_a_code_unit():
    d = StringDecoder("ucs2")
    assert d.write(b"A") == ""
    assert d.write(b"\x00B") == "A"
    assert d.write(b"\x00") == "B"


def test_string_decoder_utf16le_hands_out_a_high_surrogate_alone_from_an_odd_chunk():
    # Node's quirk: with an odd byte held, the high surrogate before it goes out.
    d = StringDecoder("utf16le")
    assert d.write(b"\x3d\xd8\x00") == "\ud83d"
    assert d.write(b"\xde") == "\ude00"


def test_string_decoder_utf16le_end_drops_an_odd_byte_and_flushes_a_lone_high_surrogate():
    d = StringDecoder("utf16le")
    assert d.write(b"\x3d\xd8") == ""
    assert d.end() == "\ud83d"
    assert d.write(b"\x3d\xd8\x00") == "\ud83d"
    assert d.end() == ""
    assert d.write(b"\x3d\xd8") == ""
    assert d.write(b"\x00") == ""
    assert d.end() == "\ud83d"


def test_string_decoder_utf16le_joins_a_pair_split_between_held_and_new_bytes():
    d = StringDecoder("utf16le")
    assert d.write(b"\x3d") == ""
    assert d.write(b"\xd8\x00\xde") == "\U0001f600"


@pytest.mark.parametrize("name, whole, rest", [("base64", "+/8A/g==", "+w=="), ("base64url", "-_8A_g", "-w")])
def test_string_decoder_base64_carries_a_partial_group_to_the_next_write(name, whole, rest):
    d = StringDecoder(name)
    assert d.write(b"\xfb") == ""
    assert (d.lastNeed, d.lastTotal) == (2, 3)
    assert d.write(b"\xff") == ""
    assert d.write(b"\x00\xfe") == whole[:4]
    assert d.end() == whole[4:]
    assert d.end(b"\xfb") == rest


@pytest.mark.parametrize("name", ["hex", "latin1", "ascii"])
def test_string_decoder_single_byte_encodings_hold_nothing_back(name):
    d = StringDecoder(name)
    assert d.write(b"\xc3") == decode(b"\xc3", name)
    assert (d.lastNeed, d.lastTotal) == (0, 0)
    assert d.end() == ""


def test_string_decoder_ascii_clears_the_high_bit():
    assert StringDecoder("ascii").write(b"\xe9\xff") == "i\x7f"
