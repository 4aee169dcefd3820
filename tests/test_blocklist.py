"""gnet.BlockList and gnet.SocketAddress: what compat/scenarios/blocklist/ cannot show
(the Python side: repr, both spellings, keyword arguments, gnet's answers where Node v20 aborts)."""
import pytest

import gnet
from gnet.js.names import snake_case


def test_socket_address_repr_reads_back_as_the_same_address():
    sa = gnet.SocketAddress({"address": "2001:DB8::1", "family": "IPv6", "port": 443, "flowlabel": 7})
    assert repr(sa) == "SocketAddress(address='2001:db8::1', port=443, family='ipv6', flowlabel=7)"
    again = eval(repr(sa), {"SocketAddress": gnet.SocketAddress})
    assert again.toJSON() == sa.toJSON()


def test_block_list_repr_shows_its_rules_newest_first():
    block_list = gnet.BlockList()
    assert repr(block_list) == "<BlockList rules=[]>"
    block_list.add_address("1.2.3.4")
    block_list.add_subnet("10.0.0.0", 8)
    assert repr(block_list) == "<BlockList rules=['Subnet: IPv4 10.0.0.0/8', 'Address: IPv4 1.2.3.4']>"


@pytest.mark.parametrize("cls, names", [
    (gnet.BlockList, ["addAddress", "addRange", "addSubnet", "check", "rules"]),
    (gnet.SocketAddress, ["isSocketAddress", "toJSON", "address", "port", "family", "flowlabel"]),
])
def test_every_member_answers_to_both_spellings(cls, names):
    for name in names:
        assert vars(cls)[snake_case(name)] is vars(cls)[name], name
    assert gnet.SocketAddress.is_socket_address(gnet.SocketAddress()) is True
    assert gnet.SocketAddress().to_json() == {"address": "127.0.0.1", "port": 0, "family": "ipv4", "flowlabel": 0}


def test_socket_address_takes_keyword_arguments_which_win_over_the_dict():
    sa = gnet.SocketAddress(address="::1", family="ipv6", port=80)
    assert (sa.address, sa.family, sa.port) == ("::1", "ipv6", 80)
    sa = gnet.SocketAddress({"address": "1.2.3.4", "port": 1}, port=2)
    assert (sa.address, sa.port) == ("1.2.3.4", 2)


def test_socket_address_refuses_an_unknown_keyword_naming_it():
    with pytest.raises(TypeError, match="unexpected keyword argument 'adress'.*'address'"):
        gnet.SocketAddress(adress="1.2.3.4")


def test_socket_address_reads_any_object_by_attribute_as_node_reads_properties():
    class Options:
        address = "10.0.0.1"
        port = 8080

    sa = gnet.SocketAddress(Options())
    assert (sa.address, sa.port, sa.family) == ("10.0.0.1", 8080, "ipv4")


def test_socket_address_properties_are_read_only():
    sa = gnet.SocketAddress()
    for name in ("address", "port", "family", "flowlabel"):
        with pytest.raises(AttributeError):
            setattr(sa, name, 1)
    assert sa.port == 0


def test_block_list_methods_take_node_doc_parameter_names_as_keywords():
    block_list = gnet.BlockList()
    block_list.add_address(address="::1", type="ipv6")
    block_list.add_range(start="10.0.0.1", end="10.0.0.9")
    block_list.add_subnet(net="2001:db8::", prefix=32, type="ipv6")
    assert block_list.check(address="2001:db8::5", type="ipv6") is True
    assert block_list.check("10.0.0.10") is False
    assert block_list.rules == ["Subnet: IPv6 2001:db8::/32", "Range: IPv4 10.0.0.1-10.0.0.9",
                                "Address: IPv6 ::1"]


def test_errors_subclass_the_python_builtin_of_their_javascript_class():
    block_list = gnet.BlockList()
    with pytest.raises(gnet.NodeError) as info:
        block_list.addAddress("1.2.3")
    assert info.value.code == "ERR_INVALID_ADDRESS"
    assert not isinstance(info.value, (TypeError, ValueError))      # a plain Error in Node
    with pytest.raises(ValueError) as info:
        block_list.addSubnet("1.2.3.0", 33)
    assert info.value.code == "ERR_OUT_OF_RANGE"
    with pytest.raises(TypeError) as info:
        block_list.addRange("1.1.1.2", "1.1.1.1")
    assert info.value.code == "ERR_INVALID_ARG_VALUE"
    assert str(info.value).endswith("Received SocketAddress { address: '1.1.1.2', port: 0, "
                                    "family: 'ipv4', flowlabel: 0 }")


# Where Node v20 aborts the whole process (a failed C++ assertion), gnet answers.

def test_a_numeric_string_port_is_its_number():
    assert gnet.SocketAddress(port="8080").port == 8080


def test_an_ipv6_flowlabel_past_20_bits_is_out_of_range():
    assert gnet.SocketAddress(family="ipv6", flowlabel=2 ** 20 - 1).flowlabel == 2 ** 20 - 1
    with pytest.raises(ValueError) as info:
        gnet.SocketAddress(family="ipv6", flowlabel=2 ** 20)
    assert info.value.code == "ERR_OUT_OF_RANGE"
    assert "It must be >= 0 && <= 1048575. Received 1048576" in str(info.value)
    assert gnet.SocketAddress(flowlabel=2 ** 20).flowlabel == 0     # IPv4 has no flow label


def test_a_negative_zero_prefix_is_zero():
    block_list = gnet.BlockList()
    block_list.addSubnet("10.0.0.0", -0.0)
    assert block_list.rules == ["Subnet: IPv4 10.0.0.0/0"]
    assert block_list.check("192.0.2.1") is True
