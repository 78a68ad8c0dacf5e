import random
import re

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


def _split_then_strip(body):
    """The definition the one-pass split implements: cut after each run of end marks (with
    the closing marks after it) and at each line break, strip every piece, drop the blank
    ones."""
    pieces = re.finditer(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』）)]*|\n|$)", body)
    found = []
    for piece in pieces:
        text = piece.group()
        if text.strip():
            start = piece.start() + len(text) - len(text.lstrip())
            found.append((start, start + len(text.strip()), text.strip()))
    return found


def test_split_is_the_stripped_pieces_between_end_marks_and_line_breaks():
    rng = random.Random(7)
    alphabet = "。！？!?；;”’」』）)中文a \n\t\u3000\xa0\u2028\x0b"
    for _ in range(20_000):
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        found = [(s.start, s.end, s.text) for s in split_sentences(body)]
        assert found == _split_then_strip(body), repr(body)
