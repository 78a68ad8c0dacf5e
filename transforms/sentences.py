"""Sentence segmentation of a cleaned body.

Facts are linked to each other by sentence (a count takes the region, date and measure of
its sentence), so the split must be stable and cheap: one regular-expression pass over the
body, cutting after Chinese end punctuation and at line breaks, that finds each sentence
without its surrounding whitespace. Closing quotes and brackets that follow the end mark
stay with their sentence.
"""

from __future__ import annotations

import re

from transforms.model import Sentence

_END = "。！？!?；;"
_CLOSING = "”’」』）)"
# A sentence, stripped: it starts at a non-space character and runs to an end-mark run and
# its closing marks, or else to its last non-space character before a line break or the
# end of the body. The first branch cannot backtrack (possessive), so a line that has no end
# mark costs one scan of it in each branch.
_SENTENCE = re.compile(rf"(?!\s)(?:[^{_END}\n]*+[{_END}]+[{_CLOSING}]*|[^{_END}\n]*[^{_END}\s])")


def split_sentences(body: str) -> list[Sentence]:
    """Return the non-blank sentences of ``body`` with offsets into it, numbered from 0."""
    return [
        Sentence(no, m.start(), m.end(), m.group()) for no, m in enumerate(_SENTENCE.finditer(body))
    ]


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
