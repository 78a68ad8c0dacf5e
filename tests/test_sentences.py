import pytest

from transforms.sentences import sentence_at, split_sentences


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("一句。两句！三句？", ["一句。", "两句！", "三句？"]),
        ("他说：“好。”然后走了。", ["他说：“好。”", "然后走了。"]),
        ("段一\n\n段二；分句", ["段一", "段二；", "分句"]),
        ("  空白  。", ["空白  。"]),
    ],
)
def test_split(body, expected):
    sentences = split_sentences(body)
    assert [s.text for s in sentences] == expected
    assert [s.no for s in sentences] == list(range(len(expected)))
    for s in sentences:
        assert body[s.start : s.end] == s.text


def test_sentence_at_finds_the_enclosing_sentence():
    body = "甲乙。丙丁。"
    sentences = split_sentences(body)
    assert sentence_at(sentences, 0).no == 0
    assert sentence_at(sentences, 4).no == 1
    assert sentence_at(sentences, 99) is None
