"""From a cleaned page to all of its facts.

The order matters: regions first (measures carry the region of their sentence), then the
independent extractors, then linking, which needs all of them.
"""

from __future__ import annotations

from transforms.counts import extract_counts
from transforms.dates import extract_dates
from transforms.linking import link_counts, main_region
from transforms.measures import extract_measures
from transforms.model import Facts, Page
from transforms.regions import extract_regions
from transforms.sentences import split_sentences


def extract_facts(page: Page) -> Facts:
    body = page.body
    if not body:
        return Facts()
    sentences = split_sentences(body)
    regions = extract_regions(body, sentences, page.dateline_place)
    counts = extract_counts(body, sentences)
    dates = extract_dates(body, sentences, page.publish_date)
    # a measure whose sentence names no region is about the article's main region
    measures = extract_measures(body, sentences, regions, main_region(regions))
    counts = link_counts(counts, regions, dates, measures, page.publish_date)
    return Facts(
        regions=regions,
        counts=counts,
        dates=dates,
        measures=measures,
        sentences=tuple(s.text for s in sentences),
    )
