"""From a cleaned page to all of its facts.

The order matters: regions first (measures carry the region of their sentence), then dates
and measures, then counts, which are built linked to the region, date and measure of their
sentence.
"""

from __future__ import annotations

from transforms.counts import extract_counts
from transforms.dates import extract_dates
from transforms.linking import count_links, main_region
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
    dates = extract_dates(body, sentences, page.publish_date)
    # a measure or count whose sentence names no region is about the article's main region
    fallback_region = main_region(regions)
    measures = extract_measures(body, sentences, regions, fallback_region)
    links = count_links(regions, dates, measures, fallback_region, page.publish_date)
    counts = extract_counts(body, sentences, links)
    return Facts(
        regions=regions,
        counts=counts,
        dates=dates,
        measures=measures,
        sentences=tuple(s.text for s in sentences),
    )
