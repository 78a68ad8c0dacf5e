"""Sentence segmentation of a cleaned body.

Facts are linked to each other by sentence (a count takes the region, date and measure of
its sentence), so the split must be stable and cheap: one regular-expression pass over the
body, cutting after Chinese end punctuation and at line breaks. Closing quotes and brackets
that follow the end mark stay with their sentence.
"""

from __future__ import annotations

import re

from transforms.model import Sentence

_SENTENCE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』）)]*|\n|$)")


def split_sentences(body: str) -> list[Sentence]:
    """Return the non-blank sentences of ``body`` with offsets into it, numbered from 0."""
    sentences: list[Sentence] = []
    for match in _SENTENCE.finditer(body):
        text = match.group()
        stripped = text.strip()
        if not stripped:
            continue
        start = match.start() + (len(text) - len(text.lstrip()))
        end = start + len(stripped)
        sentences.append(Sentence(len(sentences), start, end, stripped))
    return sentences


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence containing ``offset`` (binary search; sentences are sorted)."""
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return s
    return None
