"""One raw file → one article with its facts, or one reject with a reason.

This is the whole per-document transform, kept free of I/O so it runs the same in a
thread, a worker process or a Dask worker: the caller reads the bytes, this decides.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from transforms.decoding import Decoded, article_id, decode
from transforms.extract import extract_facts
from transforms.model import Facts, Page
from transforms.page import parse_page


@dataclass(frozen=True, slots=True)
class SourceFile:
    """Where an input came from; ``source_path`` is relative to ``input_root``."""

    input_root: str
    source_path: str
    source_name: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str
    source: SourceFile
    encoding: str
    raw_chars: int
    page: Page
    facts: Facts


@dataclass(frozen=True, slots=True)
class Reject:
    source: SourceFile
    reason: str  # empty | not_text | undecodable | no_body | too_large | unreadable
    detail: str


def clean_document(raw: bytes, source: SourceFile) -> Article | Reject:
    """Decode and clean; the returned article has no facts yet."""
    decoded = decode(raw)
    if not isinstance(decoded, Decoded):
        return Reject(source, decoded.reason, decoded.detail)
    page = parse_page(decoded.text)
    if not page.body:
        return Reject(source, "no_body", "no block of article prose found in the page")
    return Article(
        article_id=article_id(raw),
        source=source,
        encoding=decoded.encoding,
        raw_chars=len(decoded.text),
        page=page,
        facts=Facts(),
    )


def with_facts(article: Article) -> Article:
    return replace(article, facts=extract_facts(article.page))


def process_document(raw: bytes, source: SourceFile) -> Article | Reject:
    cleaned = clean_document(raw, source)
    return with_facts(cleaned) if isinstance(cleaned, Article) else cleaned
