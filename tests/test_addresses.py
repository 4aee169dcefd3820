"""gnet.net.addresses: isIP/isIPv4/isIPv6 as Node v20 answers them, address() dicts, host:port text.

The full table of Node's answers is compat/scenarios/isip/inputs.json, run
against ``node`` by ``python -m compat isip``; here each rule has its test.
"""
import ipaddress
import socket

import pytest

import gnet.net.addresses as addresses
from gnet.net.addresses import address_dict, host_port_text, isIP, isIPv4, isIPv6


def _answers(s):
    return isIP(s), isIPv4(s), isIPv6(s)


V4 = (4, True, False)
V6 = (6, False, True)
NEITHER = (0, False, False)


# ---------------------------------------------------------------------------
# IPv4

@pytest.mark.parametrize("s", ["0.0.0.0", "127.0.0.1", "255.255.255.255", "1.2.3.4", "10.100.200.249",
                               "199.250.251.9"])
def test_isipv4_accepts_four_decimal_parts_from_0_to_255(s):
    assert _answers(s) == V4


@pytest.mark.parametrize("s", ["256.0.0.0", "0.0.0.256", "255.255.255.300", "999.1.1.1", "1000.1.1.1"])
def test_isipv4_rejects_parts_above_255(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", ["01.2.3.4", "1.02.3.4", "1.2.03.4", "1.2.3.04", "00.0.0.0", "0.0.0.00",
                               "010.010.010.010", "001.2.3.4", "127.000.000.001"])
def test_isipv4_rejects_leading_zeros(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", ["1.2.3", "127.1", "1.2.3.4.5", "1.2.3.", ".1.2.3", "1..2.3", "1.2.3.4.", "...",
                               "1"])
def test_isipv4_rejects_other_part_counts_and_empty_parts(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", ["0x7f.0.0.1", "0x7f000001", "2130706433", "017700000001", "1e2.0.0.1",
                               "+1.2.3.4", "-1.2.3.4", "1.2.3.a"])
def test_isipv4_rejects_hex_octal_integer_and_signed_notations(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", ["1.2.3.4:80", "127.0.0.1:0", "1.2.3.4/24", "0.0.0.0/0", "[1.2.3.4]",
                               "1.2.3.4%eth0"])
def test_isipv4_rejects_ports_prefix_lengths_brackets_and_zone_ids(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", ["1.2.3.4\n", "1.2.3.4 ", " 1.2.3.4", "\t1.2.3.4", "1.2.3.4\r\n",
                               "1.2.3.4\x00", "1.2.3.4\u00a0", "\ufeff1.2.3.4", "1 .2.3.4"])
def test_isipv4_rejects_whitespace_control_characters_and_a_trailing_newline(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", ["\u0661\u0662\u0667.\u0660.\u0660.\u0661", "\uff11\uff12\uff17.0.0.1",
                               "127\uff0e0\uff0e0\uff0e1", "\u00b9.2.3.4", "\U0001d7cf.2.3.4", "\u2170.2.3.4"])
def test_isipv4_rejects_unicode_digits_and_dots(s):
    assert _answers(s) == NEITHER


# ---------------------------------------------------------------------------
# IPv6

@pytest.mark.parametrize("s", ["1:2:3:4:5:6:7:8", "0:0:0:0:0:0:0:0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                               "2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:db8:0:0:0:ff00:42:8329"])
def test_isipv6_accepts_eight_groups_of_one_to_four_hex_digits(s):
    assert _answers(s) == V6


@pytest.mark.parametrize("s", ["FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF", "2001:DB8::200C:417A", "aBcD::EfEf",
                               "FE80::1", "::FFFF:1.2.3.4"])
def test_isipv6_accepts_hex_digits_in_any_case(s):
    assert _answers(s) == V6


@pytest.mark.parametrize("s", ["::", "::1", "1::", "1::8", "fe80::", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
                               "1:2:3:4:5:6::8", "1::3:4:5:6:7:8", "1:2:3::6:7:8", "0::0"])
def test_isipv6_accepts_one_double_colon_standing_for_at_least_one_group(s):
    assert _answers(s) == V6


@pytest.mark.parametrize("s", ["1:2:3:4:5:6:7::8", "1::2:3:4:5:6:7:8", "1:2:3:4::5:6:7:8", "::1:2:3:4:5:6:7:8",
                               "1:2:3:4:5:6:7:8::"])
def test_isipv6_rejects_double_colon_beside_eight_explicit_groups(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", ["1::2::3", "::1::", "1::2::", "::1::2"])
def test_isipv6_rejects_more_than_one_double_colon(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", [":", ":::", "::::", "1:::2", ":::1", "1:::", ":1:2:3:4:5:6:7:8",
                               "1:2:3:4:5:6:7:8:", ":1::", "::1:", ":1", "1:"])
def test_isipv6_rejects_triple_colons_and_single_leading_or_trailing_colons(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", ["1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "ff", "abcd"])
def test_isipv6_rejects_fewer_or_more_than_eight_groups_without_double_colon(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", ["12345::", "::12345", "00000::1", "g::1", "::g", "1:2:3:4:5:6:7:0x8", "1::-1",
                               "1::+1", "1:: 2"])
def test_isipv6_rejects_groups_longer_than_four_digits_or_not_hex(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", ["::ffff:1.2.3.4", "::ffff:127.0.0.1", "::1.2.3.4", "::0.0.0.0",
                               "0:0:0:0:0:ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5::1.2.3.4",
                               "1::2:3:4:5:1.2.3.4", "::2:3:4:5:6:1.2.3.4", "64:ff9b::192.0.2.33"])
def test_isipv6_accepts_ipv4_written_in_the_last_two_groups(s):
    assert _answers(s) == V6


@pytest.mark.parametrize("s", ["1:2:3:4:5:6:7:1.2.3.4", "1:2:3:4:5:1.2.3.4", "1:2:3:4:5:6::1.2.3.4",
                               "1::2:3:4:5:6:1.2.3.4", "::2:3:4:5:6:7:1.2.3.4"])
def test_isipv6_counts_an_embedded_ipv4_as_two_groups(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", ["::ffff:256.1.1.1", "::ffff:1.2.3", "::ffff:01.2.3.4", "::ffff:1.2.3.4.5",
                               "::ffff:1.2.3.4."])
def test_isipv6_rejects_an_embedded_ipv4_that_is_not_valid_ipv4(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", ["1.2.3.4::", "1.2.3.4::1", "::1.2.3.4::", "::1.2.3.4:ffff", "::ffff:1.2.3.4:5"])
def test_isipv6_rejects_an_embedded_ipv4_anywhere_but_the_end(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", ["fe80::1%eth0", "fe80::1%1", "::1%lo", "FE80::1%ETH0", "fe80::1%eth-0",
                               "fe80::1%eth.0", "fe80::1%a:b", "2001:db8::1%0", "::ffff:1.2.3.4%eth0",
                               "1:2:3:4:5:6:7:8%eth0", "fe80::1%-"])
def test_isipv6_accepts_a_zone_id_of_letters_digits_dashes_dots_and_colons(s):
    assert _answers(s) == V6


@pytest.mark.parametrize("s", ["fe80::1%", "fe80::1%%", "fe80::1%eth0%eth1", "fe80::1%eth_0", "fe80::1%eth 0",
                               "fe80::1%eth0\n", "fe80::1%eth0/64", "fe80::1%a,b", "fe80::1%\u00e9th0",
                               "fe80::1%eth\u0660", "%eth0", "fe80:%eth0:1"])
def test_isipv6_rejects_an_empty_or_malformed_zone_id(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", ["[::1]", "[::1]:80", "[fe80::1%eth0]:80", "::1/128", "2001:db8::/32", "::1#80"])
def test_isipv6_rejects_brackets_and_prefix_lengths(s):
    assert _answers(s) == NEITHER


@pytest.mark.parametrize("s", ["::1:80", "fe80::1:8080"])
def test_isipv6_reads_a_port_attached_without_brackets_as_one_more_group(s):
    assert _answers(s) == V6


@pytest.mark.parametrize("s", ["::1 ", " ::1", "::1\n", "::1\t", "::1\x00", "\u2029::1", "::\u0661",
                               "::\uff46\uff46", "\u0430bcd::1", "::1\ud800"])
def test_isipv6_rejects_whitespace_and_non_ascii_characters(s):
    assert _answers(s) == NEITHER


# ---------------------------------------------------------------------------
# isIP and everything else

@pytest.mark.parametrize("s", ["", " ", "localhost", "example.com", "0", "null", "undefined", "[object Object]"])
def test_isip_is_0_for_strings_that_are_no_address(s):
    assert _answers(s) == NEITHER


def test_isip_returns_int_and_the_others_return_bool():
    assert type(isIP("::1")) is int and type(isIP("x")) is int
    assert isIPv4("1.2.3.4") is True and isIPv4("::1") is False
    assert isIPv6("::1") is True and isIPv6("1.2.3.4") is False


def test_very_long_strings_get_the_same_answers():
    assert _answers("fe80::1%" + "a" * 100000) == V6
    assert _answers("::1%" + "a" * 100000 + "_") == NEITHER
    assert _answers("1" * 100000) == NEITHER
    assert _answers("1." * 50000 + "1") == NEITHER
    assert _answers("1:" * 50000 + "1") == NEITHER
    assert _answers(":" * 100000) == NEITHER
    assert _answers("0" * 100000 + "::1") == NEITHER


@pytest.mark.parametrize("value", [None, 0, 4, 6, 127, 2130706433, -1, 1.5, float("nan"), float("inf"), True,
                                   False, {}, [], {"address": "127.0.0.1", "family": "IPv4", "port": 80}])
def test_non_strings_whose_javascript_text_is_no_address_answer_0_as_in_node(value):
    assert _answers(value) == NEITHER


def test_called_with_no_argument_answers_as_for_undefined():
    assert (isIP(), isIPv4(), isIPv6()) == NEITHER


@pytest.mark.parametrize("value", [["127.0.0.1"], ["::1"], ("127.0.0.1",), [["fe80::1%eth0"]]])
def test_a_list_holding_an_address_is_no_address_where_node_stringifies_it(value):
    # Node answers 4 or 6 here (String(['127.0.0.1']) is '127.0.0.1'); API.md
    # section 7 has gnet answer 0 for anything that is not a str.
    assert _answers(value) == NEITHER


@pytest.mark.parametrize("value", [b"127.0.0.1", bytearray(b"::1"), memoryview(b"1.2.3.4")])
def test_bytes_are_no_address(value):
    # Node reads a Buffer as its UTF-8 text (isIP(Buffer.from('127.0.0.1')) is
    # 4); gnet answers 0 for anything that is not a str.
    assert _answers(value) == NEITHER


@pytest.mark.parametrize("value", [ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1")])
def test_ipaddress_objects_are_no_address(value):
    assert _answers(value) == NEITHER


def test_a_str_subclass_is_read_as_its_text():
    class Host(str):
        pass

    assert _answers(Host("127.0.0.1")) == V4
    assert _answers(Host("fe80::1%eth0")) == V6


def test_pep8_aliases_are_the_same_functions():
    assert addresses.is_ip is isIP
    assert addresses.is_ipv4 is isIPv4
    assert addresses.is_ipv6 is isIPv6


# ---------------------------------------------------------------------------
# address_dict

def test_address_dict_for_ipv4_gives_address_family_and_port_in_node_order():
    result = address_dict(("127.0.0.1", 8124), socket.AF_INET)
    assert result == {"address": "127.0.0.1", "family": "IPv4", "port": 8124}
    assert list(result) == ["address", "family", "port"]


def test_address_dict_for_ipv6_drops_flowinfo_and_a_zero_scope_id():
    assert address_dict(("::1", 80, 7, 0), socket.AF_INET6) == {"address": "::1", "family": "IPv6", "port": 80}


def test_address_dict_accepts_a_plain_int_family_and_a_two_item_ipv6_tuple():
    assert address_dict(("::", 80), int(socket.AF_INET6)) == {"address": "::", "family": "IPv6", "port": 80}


def test_address_dict_keeps_an_ipv4_mapped_address_as_ipv6():
    assert address_dict(("::ffff:127.0.0.1", 80, 0, 0), socket.AF_INET6) == {
        "address": "::ffff:127.0.0.1", "family": "IPv6", "port": 80}


def test_address_dict_names_the_interface_of_a_link_local_address_with_a_scope_id():
    index, name = socket.if_nameindex()[0]
    assert address_dict(("fe80::1", 80, 0, index), socket.AF_INET6)["address"] == "fe80::1%" + name
    assert address_dict(("febf::1", 80, 0, index), socket.AF_INET6)["address"] == "febf::1%" + name


def test_address_dict_adds_no_zone_outside_link_local_addresses():
    index = socket.if_nameindex()[0][0]
    for host in ("fd00::2", "fec0::1", "ff02::1", "::1"):
        assert address_dict((host, 80, 0, index), socket.AF_INET6)["address"] == host


def test_address_dict_writes_the_scope_id_of_a_missing_interface_as_a_number():
    missing = max(index for index, _ in socket.if_nameindex()) + 1000
    assert address_dict(("fe80::1", 80, 0, missing), socket.AF_INET6)["address"] == "fe80::1%%%d" % missing


def test_address_dict_keeps_a_zone_already_in_the_host():
    assert address_dict(("fe80::1%eth9", 80, 0, 1), socket.AF_INET6)["address"] == "fe80::1%eth9"


@pytest.mark.parametrize("family", [socket.AF_UNIX, None, "IPv4", 4])
def test_address_dict_rejects_families_other_than_inet_and_inet6(family):
    with pytest.raises(ValueError):
        address_dict(("127.0.0.1", 80), family)


def test_address_dict_reads_a_real_ipv4_socket_name():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        assert address_dict(sock.getsockname(), sock.family) == {"address": "127.0.0.1", "family": "IPv4",
                                                                   "port": port}


def test_address_dict_reads_a_real_ipv6_socket_name():
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("::1", 0))
        except OSError:
            pytest.skip("no IPv6 loopback here")
        port = sock.getsockname()[1]
        assert address_dict(sock.getsockname(), sock.family) == {"address": "::1", "family": "IPv6", "port": port}


def _link_local_address():
    """An assigned link-local address and its interface, from Linux's /proc/net/if_inet6."""
    try:
        with open("/proc/net/if_inet6") as f:
            rows = [line.split() for line in f]
    except OSError:
        return None
    for hex_addr, index, _, _, _, name in rows:
        if hex_addr.startswith("fe8"):
            host = socket.inet_ntop(socket.AF_INET6, bytes.fromhex(hex_addr))
            return host, int(index, 16), name
    return None


def test_address_dict_reads_a_real_link_local_socket_name_as_node_prints_it():
    found = _link_local_address()
    if found is None:
        pytest.skip("no link-local IPv6 address here")
    host, index, name = found
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, 0, 0, index))
        except OSError:
            pytest.skip("cannot bind %s%%%s" % (host, name))
        # Python gives ('fe80::...', port, 0, index); Node's address() says 'fe80::...%eth0'.
        assert "%" not in sock.getsockname()[0]
        assert address_dict(sock.getsockname(), sock.family)["address"] == "%s%%%s" % (host, name)


# ---------------------------------------------------------------------------
# host_port_text

def test_host_port_text_joins_ipv4_host_and_port_with_a_colon():
    assert host_port_text("127.0.0.1", 80) == "127.0.0.1:80"


def test_host_port_text_puts_no_brackets_around_an_ipv6_host():
    assert host_port_text("::1", 80) == "::1:80"
    assert host_port_text("fe80::1%eth0", 8080) == "fe80::1%eth0:8080"


@pytest.mark.parametrize("port", [0, None, -1, float("nan")])
def test_host_port_text_is_the_host_alone_without_a_positive_port(port):
    assert host_port_text("127.0.0.1", port) == "127.0.0.1"


@pytest.mark.parametrize("host", ["", None])
def test_host_port_text_is_empty_with_neither_host_nor_port(host):
    assert host_port_text(host, 0) == ""
    assert host_port_text(host, None) == ""


def test_host_port_text_prints_a_missing_host_as_undefined_when_there_is_a_port():
    assert host_port_text(None, 80) == "undefined:80"


def test_host_port_text_prints_an_integral_float_port_as_javascript_does():
    assert host_port_text("127.0.0.1", 80.0) == "127.0.0.1:80"
