"""Bytes of a scraped page → text, or the reason it cannot be an article.

Scrapers save pages in whatever encoding the site served: UTF-8 (with or without BOM),
UTF-16 with BOM, GB18030/GBK or Big5. Strict UTF-8 is tried first because it almost never
decodes non-UTF-8 CJK bytes by accident; everything else goes to charset-normalizer,
restricted to the encodings Chinese pages actually use, so a short GBK page is not read as
some Cyrillic code page. Binary files (NUL bytes, image/archive magic numbers) are refused
before any guessing.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass

from charset_normalizer import from_bytes

CANDIDATE_ENCODINGS = ["utf_8", "gb18030", "big5", "big5hkscs", "utf_16"]

_BINARY_MAGIC = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",  # JPEG
    b"PK\x03\x04",  # zip, docx, xlsx
    b"%PDF",
    b"\x1f\x8b",  # gzip
    b"\x7fELF",
    b"BM",
)
# A page with more replacement characters than this share is not text we can trust.
_MAX_REPLACEMENT_SHARE = 0.001
_MIN_TEXT_SHARE = 0.95


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


@dataclass(frozen=True, slots=True)
class Refused:
    reason: str  # empty | not_text | undecodable
    detail: str


def article_id(raw: bytes) -> str:
    """Stable id of an article: same bytes, same id (first 16 hex digits of sha256)."""
    return hashlib.sha256(raw).hexdigest()[:16]


def _bom_encoding(raw: bytes) -> str | None:
    if raw.startswith(codecs.BOM_UTF8):
        return "utf_8_sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf_16"
    return None


# The control characters (C0 but tab and line breaks, DEL, C1), all below U+00A0, as
# Latin-1 bytes; and every other byte.
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)])
_OTHER_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _control_count(text: str) -> int:
    """Number of control characters in ``text``: its Latin-1 characters as bytes, less
    every other byte, in two passes at C speed (a regex scan costs several times more)."""
    return len(text.encode("latin-1", "ignore").translate(None, _OTHER_BYTES))


def _looks_like_text(text: str) -> bool:
    return bool(text) and 1 - _control_count(text) / len(text) >= _MIN_TEXT_SHARE


def decode(raw: bytes) -> Decoded | Refused:
    """Decode a page and normalize line endings to ``\\n``."""
    if not raw.strip():
        return Refused("empty", f"{len(raw)} bytes, no text")
    bom = _bom_encoding(raw)
    if bom is None and (raw.startswith(_BINARY_MAGIC) or b"\x00" in raw[:4096]):
        return Refused("not_text", "binary content (NUL bytes or a file-type signature)")
    decoded = _decode_text(raw, bom)
    if isinstance(decoded, Refused):
        return decoded
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Refused("empty", "only whitespace after decoding")
    if not _looks_like_text(text):
        return Refused("not_text", f"decoded as {decoded.encoding} but mostly control characters")
    return Decoded(text, decoded.encoding)


def _decode_text(raw: bytes, bom: str | None) -> Decoded | Refused:
    if bom is not None:
        try:
            return Decoded(raw.decode(bom), bom)
        except UnicodeDecodeError as exc:
            return Refused("undecodable", f"{bom} BOM but invalid bytes at {exc.start}")
    try:
        return Decoded(raw.decode("utf_8"), "utf_8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is not None and best.encoding != "utf_8":
        return Decoded(str(best), best.encoding)
    # Mostly UTF-8 with a few broken bytes (a truncated multi-byte char, a bad splice).
    text = raw.decode("utf_8", errors="replace")
    if text.count("\ufffd") <= max(1, len(text) * _MAX_REPLACEMENT_SHARE):
        return Decoded(text, "utf_8")
    return Refused("undecodable", "no candidate encoding (UTF-8/16, GB18030, Big5) fits the bytes")
