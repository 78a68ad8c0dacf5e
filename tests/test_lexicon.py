"""jieba's dictionary as data, and the cut with added words that shares it."""

from __future__ import annotations

import jieba
import pytest

from transforms import lexicon

# Words jieba's dictionary lacks (gazetteer forms) and text that puts them in competition
# with its own words, next to letters, digits, spaces and punctuation.
_ADDED = {"柯桥": 50, "石嘴山台": 3, "浙江西": 50, "长春新区": 50, "台商投资区": 50}
_TEXTS = [
    "哈尔滨市平房区派出服务队，仓山区和鼓楼区企业复工。",
    "绍兴柯桥的ABC公司 2020年引进3D打印线，投资1.5亿元！",
    "石嘴山台商投资区对接台企，x-y.z%&#+ 与\u3000全角空格\r\n换行",
    "平台中浙江西湖吉林长春新区",
    "",
    " \t",
]


@pytest.fixture(scope="module")
def reference() -> jieba.Tokenizer:
    """A jieba tokenizer of its own (the global one is left alone) with the words added."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word, freq in _ADDED.items():
        tokenizer.add_word(word, freq=freq)
    return tokenizer


def test_cut_is_that_of_a_tokenizer_with_the_words_added(reference: jieba.Tokenizer) -> None:
    cutter = lexicon.WordCutter(_ADDED)
    for text in _TEXTS:
        assert cutter.cut(text) == reference.lcut(text, HMM=False), text
    # the global tokenizer is left as it was
    assert "长春新区" not in lexicon.tokenizer().lcut("长春新区", HMM=False)


def test_cut_with_hmm_is_that_of_the_tokenizer(reference: jieba.Tokenizer) -> None:
    cutter = lexicon.WordCutter(_ADDED)
    # runs of characters the dictionary lacks (规上, 台企), and one that is a word: 企业
    texts = [*_TEXTS, "规上企业复工", "台企员工返岗", "三个帮扶组", "企 业", "已开工项目"]
    for text in texts:
        assert cutter.cut(text, hmm=True) == reference.lcut(text), text
        assert lexicon.default_cutter().cut(text, hmm=True) == lexicon.tokenizer().lcut(text)


def test_cutter_takes_only_words_the_dictionary_lacks() -> None:
    with pytest.raises(ValueError):
        lexicon.WordCutter({"企业": 50})


def test_entry_is_frequency_and_tag_of_dictionary_words() -> None:
    entry = lexicon.entry("企业")
    assert entry is not None and entry[0] > 1000 and entry[1] == "n"
    assert lexicon.entry("长春新区") is None
