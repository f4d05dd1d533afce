"""Searching the local offer by what the words mean, in two queries however many items it has.

Care leavers and editors use different words for the same thing ("rent" and "tenancy",
"job" and "employment"), so each word someone types also looks for its related words
(RELATED_WORDS), at a discount. Full-text search (English stemming, so "renting" finds
"rent" and "bursaries" finds "bursary") looks in each published item's stored, weighted
`search_vector` (title A, keywords and summary B, body C, how to get it and provider D)
and in its area's name and slug (A: the area says what an item is about as its title does),
and ranks:

- a word found in most items ("help") counts for little, a rare one for a lot (its weight
  is the inverse document frequency, counted in the first query, among the council's
  published items);
- items with more of the weighted words rank higher (coverage, from 0 to 1);
- within that, where and how often a word appears (PostgreSQL's `ts_rank`: title first);
- trigram similarity of each longer word to titles and keywords forgives spelling mistakes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.postgres.search import (
    CombinedSearchVector,
    SearchQuery,
    SearchRank,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db.models import Case, Count, F, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import Greatest

from offer.models import OfferItemVersion

SEARCH_MAX_WORDS = 8
# Trigram matching catches spelling mistakes ("bursery") in words this long or longer.
TRIGRAM_MIN_WORD = 5
TRIGRAM_THRESHOLD = 0.45
# A related word counts for this share of the word itself.
RELATED_SHARE = 0.6
CONFIG = "english"

# The words care leavers type, and the words the offer's editors write for the same things.
# Keys are base forms ("job", not "jobs": the lookup takes plurals and "-ing" off); the words
# on the right are stemmed by PostgreSQL, so "grant" also finds "grants". A word here does
# not have to be in the offer: an editor's "other words people might search for" on an item
# does the same for one item, this does it for every item that uses the editors' word.
RELATED_WORDS: dict[str, tuple[str, ...]] = {
    "rent": ("housing", "accommodation", "tenancy", "landlord", "deposit", "bills", "arrears"),
    "house": ("housing", "accommodation", "home", "tenancy", "flat"),
    "flat": ("housing", "accommodation", "tenancy", "home"),
    "homeless": ("housing", "eviction", "nowhere to stay", "emergency accommodation"),
    "evict": ("homeless", "housing", "eviction"),
    "money": ("grant", "allowance", "bursary", "payment", "hardship", "gift"),
    "cash": ("money", "grant", "allowance", "bursary", "payment"),
    "broke": ("hardship", "emergency money", "food", "crisis"),
    "skint": ("hardship", "emergency money", "food", "crisis"),
    "food": ("hardship", "emergency", "food bank"),
    "bill": ("budgeting", "council tax", "debt", "hardship"),
    "debt": ("budgeting", "arrears", "money advice"),
    "job": ("work", "employment", "apprenticeship", "career", "cv", "interview"),
    "work": ("job", "employment", "apprenticeship", "career"),
    "career": ("job", "work", "employment", "apprenticeship"),
    "college": ("education", "course", "training", "study", "bursary"),
    "school": ("education", "course", "training", "study"),
    "uni": ("university", "higher education", "student"),
    "university": ("higher education", "student", "degree"),
    "study": ("education", "course", "training", "student"),
    "doctor": ("health", "gp", "nhs", "medical", "prescription"),
    "gp": ("doctor", "health", "nhs", "medical"),
    "dentist": ("dental", "teeth", "nhs"),
    "teeth": ("dentist", "dental"),
    "sad": ("mental health", "wellbeing", "counselling", "talk"),
    "depressed": ("mental health", "wellbeing", "counselling", "talk"),
    "anxious": ("mental health", "wellbeing", "counselling", "talk"),
    "stress": ("mental health", "wellbeing", "counselling", "talk"),
    "baby": ("parent", "pregnant", "pregnancy", "child"),
    "pregnant": ("parent", "pregnancy", "baby", "midwife"),
    "lawyer": ("legal advice", "solicitor", "advocate"),
    "solicitor": ("legal advice", "lawyer"),
    "id": ("passport", "birth certificate", "identity"),
    "driving": ("driving lessons", "licence", "theory test"),
    "laptop": ("computer", "internet", "digital"),
    "phone": ("internet", "digital", "data"),
    "prison": ("custody", "release", "youth offending"),
    "family": ("relationships", "brothers and sisters", "contact"),
    "pa": ("personal adviser",),
}


@dataclass(frozen=True)
class Concept:
    """One word someone typed, with the related words that mean much the same."""

    exact: SearchQuery
    related: tuple[SearchQuery, ...]

    @property
    def either(self) -> SearchQuery:
        return reduce(or_, self.related, self.exact)

    def rank(self):
        """The word's rank plus a share of its best related word's (ranked one by one, since
        `ts_rank` divides a query's rank by how many words it has)."""
        rank = SearchRank(F("document"), self.exact)
        if not self.related:
            return rank
        best = [SearchRank(F("document"), other) for other in self.related]
        nearest = Greatest(*best, output_field=FloatField()) if len(best) > 1 else best[0]
        return rank + nearest * Value(RELATED_SHARE)


@dataclass
class SearchResults:
    """The items found, best first, and how many there are (counted with the word weights)."""

    versions: QuerySet[OfferItemVersion]
    count: int


def search_words(text: str) -> list[str]:
    """The distinct words of `text`, lower case, in order, at most SEARCH_MAX_WORDS."""
    words = dict.fromkeys(re.findall(r"\w+", text.lower()))
    return list(words)[:SEARCH_MAX_WORDS]


def base_forms(word: str) -> list[str]:
    """`word` and what it may be a plural or "-ing" form of, to look it up in RELATED_WORDS."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e"]
    if word.endswith("ed"):
        forms += [word[:-2], word[:-1]]
    return forms


def related_words(word: str) -> tuple[str, ...]:
    for form in base_forms(word):
        if form in RELATED_WORDS:
            return RELATED_WORDS[form]
    return ()


def concepts(words: list[str]) -> list[Concept]:
    return [
        Concept(
            exact=SearchQuery(word, config=CONFIG),
            related=tuple(SearchQuery(other, config=CONFIG) for other in related_words(word)),
        )
        for word in words
    ]


def document() -> CombinedSearchVector:
    """An item's stored words and its area's (Category.search_vector: name and slug, the
    statutory area's own words such as "accommodation"), which its own column cannot hold."""
    return CombinedSearchVector(
        F("search_vector"),
        "||",
        F("category__search_vector"),
        CONFIG,
        output_field=SearchVectorField(),
    )


def _closest(words: list[str], field: str):
    """How close the nearest longer query word comes to a word in `field` (pg_trgm)."""
    close = [TrigramWordSimilarity(word, field) for word in words if len(word) >= TRIGRAM_MIN_WORD]
    if not close:
        return Value(0.0, output_field=FloatField())
    return Greatest(*close, output_field=FloatField()) if len(close) > 1 else close[0]


def _matched(found: list[Concept]) -> Q:
    close = Q(title_closeness__gte=TRIGRAM_THRESHOLD) | Q(keyword_closeness__gte=TRIGRAM_THRESHOLD)
    return reduce(or_, (Q(document=concept.either) for concept in found), close)


def _weight(total: int, containing: int) -> float:
    """Inverse document frequency: a word in every item weighs little, a rare one a lot."""
    return math.log((total + 1) / (containing + 0.5))


def _score(found: list[Concept], weights: list[float]):
    """Relevance (where and how often each word is, by its weight) plus coverage (0 to 1)."""
    relevance, coverage = [], []
    for concept, weight in zip(found, weights, strict=True):
        relevance.append(concept.rank() * Value(weight))
        coverage.append(
            Case(
                When(Q(document=concept.either), then=Value(weight / sum(weights))),
                default=Value(0.0),
                output_field=FloatField(),
            )
        )
    return reduce(lambda left, right: left + right, relevance + coverage)


def ranked(published: QuerySet[OfferItemVersion], text: str) -> SearchResults:
    """Published items for `text`, best first: one query weighs the words, one finds the items.

    Neither grows with the number of items; the page's count comes from the first."""
    words = search_words(text)
    if not words:
        return SearchResults(versions=published.none(), count=0)
    found = concepts(words)
    candidates = published.annotate(
        document=document(),
        title_closeness=_closest(words, "title"),
        keyword_closeness=_closest(words, "keywords"),
    )
    counts = candidates.aggregate(
        total=Count("pk"),
        matched=Count("pk", filter=_matched(found)),
        **{f"word{i}": Count("pk", filter=Q(document=c.either)) for i, c in enumerate(found)},
    )
    # Words in no item (a stop word such as "with", or a word the offer never uses) rank nothing.
    weighed = [
        (concept, _weight(counts["total"], counts[f"word{i}"]))
        for i, concept in enumerate(found)
        if counts[f"word{i}"]
    ]
    closeness = F("title_closeness") * Value(0.3) + F("keyword_closeness") * Value(0.15)
    if weighed:
        kept, weights = zip(*weighed, strict=True)
        score = _score(list(kept), list(weights)) + closeness
    else:
        score = closeness
    versions = candidates.filter(_matched(found)).annotate(score=score).order_by("-score", "title")
    return SearchResults(versions=versions, count=counts["matched"])
