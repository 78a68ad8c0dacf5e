"""One decoded raw page → :class:`transforms.model.Page`.

The steps: normalise line endings and odd spaces → detect the script of the raw page →
refuse binary garbage, fold full-width letters and digits, drop control characters →
strip ruby pinyin → convert to Simplified (OpenCC t2s + variant folding) → per line, drop
mojibake and fold spaces → find the body block and the header fields on those lines →
drop a cut-off last sentence when the page was saved cut short → find the wire dateline.
The headline is the one thing left as printed (ruby stripped, Simplified, spaces around
punctuation folded): facts.md's gold keeps a garbled headline as it is.

``Page.body`` is ``""`` when no article prose is found (navigation only, English, binary
garbage decoded as text): the pipeline rejects such a page as ``no_body``.
"""

from __future__ import annotations

import re

from transforms.body import Body, drop_cut_fragment, paragraphs, select_body
from transforms.datelines import find_dateline
from transforms.header import find_publish_date, find_publisher, find_title
from transforms.model import Page
from transforms.script import (
    FULLWIDTH_CHARS,
    ODD_SPACE,
    UNPLAIN_SPACE_CHARS,
    detect_script,
    fold_fullwidth,
    fold_space_lines,
    fold_spaces,
    repair_mojibake,
    script_signs,
    strip_ruby,
    to_simplified,
)

_CONTROL_CHARS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"  # a regex class body
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# Replacement and private-use characters: with control characters, the signs of binary data
_GARBLED_CHARS = r"\ufffd\ue000-\uf8ff"  # a regex class body
_BAD = re.compile(rf"[\x00-\x08\x0e-\x1f\x7f{_GARBLED_CHARS}]")
# Every character the binary test, the control removal and the full-width folding look
# for; and those with the odd spaces, tabs and zero-width characters that _normalize()
# and fold_space_lines() look for: one scan finds none on most pages and spares all five.
_SPECIAL_CHARS = f"{_CONTROL_CHARS}{_GARBLED_CHARS}{FULLWIDTH_CHARS}"  # a regex class body
_SPECIAL = re.compile(f"[{_SPECIAL_CHARS}]")
_UNUSUAL = re.compile(f"[{_SPECIAL_CHARS}{UNPLAIN_SPACE_CHARS}]")
_TITLE_SPACES = re.compile(r"\s*([,，。、;；:：!！?？“”\"（）()《》【】])\s*")


def _normalize(raw: str) -> tuple[str, re.Match[str] | None]:
    """Line breaks as ``\\n``, odd spaces as plain ones, no byte order marks; and the first
    unusual character left (:data:`_UNUSUAL`), None on most pages."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n").replace("\ufeff", "")
    unusual = _UNUSUAL.search(text)  # the odd spaces are among them
    if unusual is None:
        return text, None
    text = ODD_SPACE.sub(" ", text)  # (a character for a character: the offsets stay)
    return text, _UNUSUAL.search(text, unusual.start())


def _looks_binary(text: str) -> bool:
    """Binary data decoded as text: control, replacement and private-use characters."""
    if not text:
        return True
    sample = text[:20000]
    bad = len(_BAD.findall(sample))
    return bad > 0.05 * len(sample)


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    title = title.replace("\ufffd", "")
    title = _TITLE_SPACES.sub(r"\1", title)
    title = " ".join(title.split())
    return title or None


def _strip_headline(paragraph: str, key: str | None) -> str | None:
    """Remove a repeat of the headline (``key``: it without spaces; None when the page has
    none) from a body paragraph (None: drop the paragraph)."""
    if key is None:
        return paragraph
    squeezed = "".join(paragraph.split())
    if squeezed.strip('【】[]《》“”"') == key:
        return None
    for left, right in (("【", "】"), ("[", "]"), ("《", "》")):
        if not paragraph.startswith(left):
            continue
        end = paragraph.find(right, 1)
        while end > 0:
            if "".join(paragraph[1:end].split()) == key:
                return paragraph[end + 1 :].lstrip() or None
            end = paragraph.find(right, end + 1)
    return paragraph


_TAIL = re.compile(r"[。！？!?；;…][”’」』)）】]*([^。！？!?；;…]*)$")


def _ends_with_dateline(body: str) -> bool:
    """A closing dateline ("…联合报道)中国台湾网2月27日讯") is no cut-off sentence."""
    m = _TAIL.search(body)
    tail = (m.group(1) if m else body.rsplit("\n", 1)[-1]).rstrip()
    if not tail:
        return False
    found = find_dateline(tail)
    return found is not None and found.end == len(tail)


def parse_page(raw: str) -> Page:
    """Title, publisher, date, script and the cleaned Simplified body of one raw page."""
    text, unusual = _normalize(raw)
    # (told by the Han characters alone, which the folding and dropping below leave as
    # they are)
    signs = script_signs(text)
    script = detect_script(text, signs=signs)
    if unusual and _SPECIAL.search(text, unusual.start()):
        if _looks_binary(text):
            return Page(None, None, None, script, "", None)
        text = _CONTROL.sub("", fold_fullwidth(text))
    elif not text:
        return Page(None, None, None, script, "", None)
    text = strip_ruby(text)
    text = to_simplified(text, signs=signs)

    # The headline is kept as printed (spaces, even mojibake: "两?!迸e措"), the rest is
    # cleaned: mojibake dropped, spaces folded.
    raw_lines = text.split("\n")
    spaced = [line.strip() for line in raw_lines]  # for the headline
    # (the steps since the scan for unusual characters add none: they delete characters,
    # fold full-width ones to ASCII, and convert Han characters to Han characters)
    lines = fold_space_lines(repair_mojibake(text), plain=unusual is None)  # everything else

    body: Body = select_body(lines)
    title = _clean_title(find_title(spaced, body))
    publisher = find_publisher(lines, body)

    headline = fold_spaces(repair_mojibake(title)) if title else None
    headline_key = "".join(headline.split()) if headline else None
    kept: list[str] = []
    for para in paragraphs(lines, body):
        para = _strip_headline(para, headline_key)
        if para:
            kept.append(para)
    body_text = "\n".join(kept)

    # A page saved cut short ends inside its last body paragraph: drop the cut sentence.
    last_nonblank = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()), -1)
    if body.found and body.indices[-1] == last_nonblank and not _ends_with_dateline(body_text):
        body_text = drop_cut_fragment(body_text)
    if not _HAN.search(body_text):
        body_text = ""

    dateline = find_dateline(body_text) if body_text else None
    publish_date = find_publish_date(lines, body, dateline, text, title)
    return Page(
        title=title,
        publisher=publisher,
        publish_date=publish_date,
        script=script,
        body=body_text,
        dateline_place=dateline.place if dateline else None,
    )
