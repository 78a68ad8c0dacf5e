"""jieba's main dictionary as data, and the one jieba tokenizer a process holds.

Counts need a word's tag to find the noun a number counts, regions need its frequency and
tag to tell a place from an ordinary word, and a cut that also knows every gazetteer name.
Reading the tags from the dictionary file once per process (≈0.3 s) is far cheaper than
importing jieba.posseg (its HMM tables cost seconds) only for its word→tag table, which is
built from this same file. Frequencies are read from jieba's own prefix dictionary, which
holds them already.

jieba's prefix dictionary has half a million entries (≈60 MB). A second tokenizer with the
gazetteer names added would copy all of it; :class:`WordCutter` instead keeps the added
words in a small table in front of the shared one and cuts exactly as that tokenizer would.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from math import log

import jieba


@cache
def tokenizer() -> jieba.Tokenizer:
    """jieba's default tokenizer (``jieba.dt``), initialised once without its log lines."""
    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba.dt


@cache
def tags() -> dict[str, str]:
    """word → part-of-speech tag, the table jieba.posseg would build. The few distinct tags
    are shared objects, not one string per word."""
    shared: dict[str, str] = {}
    table: dict[str, str] = {}
    with jieba.get_dict_file() as f:
        for raw in f:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                table[parts[0]] = shared.setdefault(parts[2], parts[2])
    return table


def entry(word: str) -> tuple[int, str] | None:
    """(frequency, tag) of a word of jieba's main dictionary, None for any other string."""
    tag = tags().get(word)
    return None if tag is None else (tokenizer().FREQ[word], tag)


# the single characters jieba.re_eng ([a-zA-Z0-9]) matches, as a set: one test per word
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


class WordCutter:
    """``lcut(text, HMM=...)`` of a jieba tokenizer to which ``words``, all absent from its
    dictionary, were added with ``add_word(word, freq)``, over the shared default dictionary.

    ``add_word`` sets the word's frequency, gives each of its prefixes frequency 0 unless
    it has one, and adds the frequency to the total; those entries form the overlay, and
    the total its own log. The cut itself is jieba's: blocks split by jieba's regular
    expressions, the most probable route through the word graph of each block (same float
    arithmetic, ties to the longer last word as jieba's ``max`` over (score, end) does),
    then, without the HMM, runs of single ASCII letters or digits joined; with it, runs of
    single characters that are no word of the dictionary re-cut by jieba's HMM.
    """

    def __init__(self, words: Mapping[str, int]) -> None:
        base = tokenizer()
        if any(base.FREQ.get(word) for word in words):
            raise ValueError("WordCutter adds words jieba's dictionary lacks, not others")
        overlay = dict(words)
        for word in words:
            for end in range(1, len(word)):
                prefix = word[:end]
                if prefix not in overlay and prefix not in base.FREQ:
                    overlay[prefix] = 0
        self._base = base.FREQ
        self._overlay = overlay
        self._logtotal = log(base.total + sum(words.values()))

    def cut(self, text: str, hmm: bool = False) -> list[str]:
        cut_block = self._cut_block_hmm if hmm else self._cut_block
        words: list[str] = []
        for block in jieba.re_han_default.split(text):
            if not block:
                continue
            if jieba.re_han_default.match(block):
                words.extend(cut_block(block))
                continue
            for piece in jieba.re_skip_default.split(block):
                if jieba.re_skip_default.match(piece):
                    words.append(piece)
                else:
                    words.extend(piece)
        return words

    def _route(self, block: str) -> list[str]:
        """The words of the most probable route through ``block``."""
        # the lookups are bound once: this loop runs two or three times per character
        base_get, overlay_get, logtotal = self._base.get, self._overlay.get, self._logtotal
        n = len(block)
        score = [0.0] * (n + 1)
        last = [0] * (n + 1)  # where the best word starting at each position ends
        for start in range(n - 1, -1, -1):
            # unless a word starts here, the character alone, frequency 1 (log 1 = 0)
            best, best_end, found = score[start + 1] - logtotal, start, False
            end = start + 1  # the fragment is block[start:end]
            frag = block[start]
            while True:
                # the overlay only sets what jieba's dictionary has not (or has at 0, as a
                # prefix of its words): a word there is looked up once
                freq = base_get(frag)
                if not freq:
                    freq = overlay_get(frag, freq)
                    if freq is None:
                        break
                if freq:
                    s = log(freq) - logtotal + score[end]
                    if not found or s >= best:
                        best, best_end, found = s, end - 1, True
                if end == n:
                    break
                end += 1
                frag = block[start:end]
            score[start], last[start] = best, best_end
        words: list[str] = []
        pos = 0
        while pos < n:
            nxt = last[pos] + 1
            words.append(block[pos:nxt])
            pos = nxt
        return words

    def _cut_block(self, block: str) -> list[str]:
        words: list[str] = []
        letters = ""
        for word in self._route(block):
            if word in _ASCII_ALNUM:  # a single letter or digit (jieba.re_eng)
                letters += word
            else:
                if letters:
                    words.append(letters)
                    letters = ""
                words.append(word)
        if letters:
            words.append(letters)
        return words

    def _cut_block_hmm(self, block: str) -> list[str]:
        words: list[str] = []
        singles = ""  # a run of one-character words, held until a longer word ends it
        for word in [*self._route(block), ""]:  # "" ends the last run
            if len(word) == 1:
                singles += word
                continue
            if len(singles) > 1 and not (self._base.get(singles) or self._overlay.get(singles)):
                words.extend(jieba.finalseg.cut(singles))  # the HMM joins unknown words
            else:
                words.extend(singles)  # one character, or a word cut into its characters
            singles = ""
            if word:
                words.append(word)
        return words


@cache
def default_cutter() -> WordCutter:
    """jieba's own cut, no word added: :class:`WordCutter` finds the route in half the time
    of jieba's word graph of dicts and generator ``max``."""
    return WordCutter({})
