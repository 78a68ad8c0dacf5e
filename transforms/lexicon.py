"""jieba's main dictionary as data: each word's frequency and part-of-speech tag.

Counts need a word's tag to find the noun a number counts, regions need its frequency and
tag to tell a place from an ordinary word. Reading the dictionary file once per process
(≈0.3 s) is far cheaper than importing jieba.posseg (its HMM tables cost seconds) only
for its word→tag table, which is built from this same file.
"""

from __future__ import annotations

from functools import cache

import jieba


@cache
def dictionary() -> dict[str, tuple[int, str]]:
    """word → (frequency, tag) for every entry of jieba's default dictionary."""
    entries: dict[str, tuple[int, str]] = {}
    with jieba.get_dict_file() as f:
        for raw in f:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                entries[parts[0]] = (int(parts[1]), parts[2])
    return entries


@cache
def tags() -> dict[str, str]:
    """word → part-of-speech tag, the table jieba.posseg would build."""
    return {word: tag for word, (_freq, tag) in dictionary().items()}
