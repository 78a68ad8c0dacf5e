import codecs
import re

import pytest

from transforms.decoding import Decoded, Refused, _control_count, article_id, decode

TEXT = "泉州市帮助企业复工复产，协调解决问题14个。\n第二段：臺灣企業"


@pytest.mark.parametrize(
    "raw",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("gb18030"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "gb18030", "crlf"],
)
def test_decodes_to_the_same_text(raw):
    result = decode(raw)
    assert isinstance(result, Decoded)
    assert result.text == TEXT


def test_big5_page_decodes():
    text = "臺灣企業在崑山復工復產，協調解決問題十四個。" * 3
    result = decode(text.encode("big5"))
    assert isinstance(result, Decoded) and result.text == text


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"  \n\r\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "not_text"),
        (b"%PDF-1.7\n" + bytes(range(256)), "not_text"),
        (bytes(range(256)) * 8, "not_text"),
    ],
)
def test_refuses_non_articles(raw, reason):
    result = decode(raw)
    assert isinstance(result, Refused)
    assert result.reason == reason


def test_article_id_is_stable_and_byte_sensitive():
    assert article_id(b"abc") == article_id(b"abc")
    assert article_id(b"abc") != article_id(b"abd")
    assert len(article_id(b"abc")) == 16


def test_control_count_counts_the_control_characters():
    control = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
    texts = ["".join(map(chr, range(0x300))), "复工\x07复产\t\n\x85\xa0\u3000\x1b[0m", ""]
    for text in texts:
        assert _control_count(text) == len(control.findall(text))
