"""Keyword arguments are Python's own form, so they are checked as Python checks
them (API.md section 2); keys in an options dict are read as Node reads them."""
import pytest

import gnet


def a_server():
    return gnet.createServer()


@pytest.mark.parametrize("call, name, given, closest", [
    (lambda **kw: gnet.connect(port=1, **kw), "connect", "hots", "host"),
    (lambda **kw: gnet.createConnection(port=1, **kw), "connect", "local_adress", "local_address"),
    (lambda **kw: gnet.connect(1, "127.0.0.1", **kw), "connect", "localAdress", "localAddress"),
    (lambda **kw: gnet.Socket().connect(port=1, **kw), "connect", "familly", "family"),
    (lambda **kw: gnet.Socket(**kw), "Socket", "allow_half_opn", "allow_half_open"),
    (lambda **kw: gnet.createServer(**kw), "createServer", "pause_on_conect", "pause_on_connect"),
    (lambda **kw: gnet.Server(lambda c: None, **kw), "createServer", "noDelai", "noDelay"),
    (lambda **kw: a_server().listen(port=0, **kw), "listen", "backlg", "backlog"),
    (lambda **kw: a_server().listen(0, **kw), "listen", "ipv6_onl", "ipv6_only"),
])
def test_a_misspelled_keyword_is_a_type_error_naming_it_and_the_closest_option(call, name, given, closest):
    with pytest.raises(TypeError) as info:
        call(**{given: 1})
    assert str(info.value) == "%s() got an unexpected keyword argument %r (did you mean %r?)" % (
        name, given, closest)
    assert not isinstance(info.value, gnet.NodeError)


def test_a_keyword_like_no_option_gets_no_suggestion():
    with pytest.raises(TypeError, match=r"^connect\(\) got an unexpected keyword argument 'zzz'$"):
        gnet.connect(port=1, zzz=1)


def test_an_option_of_another_call_is_refused_as_a_keyword():
    with pytest.raises(TypeError, match="unexpected keyword argument 'backlog'"):
        gnet.connect(port=1, backlog=5)


def test_unknown_keys_in_an_options_dict_are_ignored_as_node_ignores_them():
    sock = gnet.Socket({"allow_half_opn": True, "zzz": 1})
    assert sock.allowHalfOpen is False
    server = gnet.createServer({"pauseOnConect": True})
    assert server.pauseOnConnect is False
    sock.destroy()
    gnet.run()


def test_keywords_in_both_spellings_still_work():
    sock = gnet.Socket(allow_half_open=True)
    other = gnet.Socket(allowHalfOpen=True)
    assert sock.allowHalfOpen is True and other.allowHalfOpen is True
    sock.destroy()
    other.destroy()
    gnet.run()


def test_tls_create_secure_context_refuses_a_misspelled_keyword():
    import gnet.tls

    with pytest.raises(TypeError) as info:
        gnet.tls.createSecureContext(minVersoin="TLSv1.2")
    assert str(info.value) == ("createSecureContext() got an unexpected keyword argument 'minVersoin' "
                               "(did you mean 'minVersion'?)")
    assert type(gnet.tls.create_secure_context(min_version="TLSv1.2")).__name__ == "SecureContext"
