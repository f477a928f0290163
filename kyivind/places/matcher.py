"""The place matcher: from an article's title and body text to the places it names and how often.

Semantics (docs/analysing.md): a region is named when the text names it ("Kharkiv Oblast", "the Kharkiv
region", "the Kharkiv and Sumy oblasts", "Crimea") or names a place in it: a settlement ("Kupiansk",
"the village of Pozhnia"), a district or community by its centre ("the Izium district", "the Krasnopillia
community"), a landmark ("the Zaporizhzhia Nuclear Power Plant"), an area ("Donbas": Donetsk and Luhansk
oblasts). "Kyiv" is the city (UA-30), also where it stands for the government; "Moscow" likewise (RU-MOW).
A river ("the Dnipro", "the Dnipro River") is not the city; an organisation ("the Kyiv Independent") is no
place; a name after a first name is a surname, not the village that bears it.

A settlement of fewer than ``BARE_MIN`` people, or whose name is also a common name, counts only with a
cue: a preposition or a settlement word before it ("in", "near", "the village of"), a district or community
word after it, a region beside it ("Sumy Oblast's Krasnopillia", "Avdiivka, Donetsk Oblast"), a list it
continues, or its region named in the same paragraph. A name that several settlements bear is resolved to
the one whose region the same sentence, then paragraph, then article names, and only then to the most
populous; a city of ``MAJOR`` people or more keeps its name unless its own sentence names the region of a
namesake. One pass over the tokens (a regular expression with no nested repetition); a text is cut at
``MAX_CHARS``, a title at ``MAX_TITLE``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from kyivind.places.gazetteer import Candidate, Gazetteer, Place, fold, gazetteer
from kyivind.places.names import REGION_PLURALS, REGION_WORDS, RIVER_WORDS

VERSION = 2  # raise when what the matcher finds changes: the database then matches every article again (2: a first
# name and a surname after a listed place, "…, Serhii Popko, head of …", is no place)
BARE_MIN = 20_000
MAJOR = 100_000  # a city this big is the one meant, unless its sentence names the region of a namesake
MAX_CHARS = 200_000
MAX_TITLE = 1_000  # characters of a title read (a headline is a line): the title is cut like the body
_TOKENS = re.compile(r"[^\W\d_][\w'’ʼ-]*|\d+|[^\w\s]")
_SAINT = re.compile(r"\bSt\.\s")
_POSSESSIVE = ("'s", "’s", "ʼs")
_SENTENCE_END = {".", "!", "?", ";", ":", "\""}
CUES = {"in", "near", "of", "outside", "around", "toward", "towards", "from", "at", "on", "into", "across", "to",
        "over", "through", "via", "past", "beyond", "between", "behind", "hit", "struck", "shelled", "attacked",
        "targeted", "bombed", "captured", "liberated", "recaptured", "occupied", "seized", "entered", "village",
        "villages", "town", "towns", "city", "cities", "settlement", "settlements", "hamlet", "outskirts"}
AFTER = {"district", "districts", "community", "hromada", "raion", "municipality", "airfield", "airbase",
         "village", "settlement", "direction", "sector", "front"}
MODIFIERS = {"russian", "ukrainian", "occupied", "eastern", "western", "northern", "southern", "central",
             "northeastern", "northwestern", "southeastern", "southwestern", "frontline", "greater", "liberated",
             "besieged", "embattled", "downtown"}
LINKS = {",", "and", "or"}
RIVER_BANKS = {"bank", "banks", "shore", "side"}  # "the left bank of Dnipro"
HYPHEN_TAILS = {"based", "born", "bound", "controlled", "held", "area"}


@dataclass(slots=True, frozen=True)
class _Token:
    text: str  # a word without its possessive, or a punctuation mark
    word: bool
    upper: bool
    possessive: bool = False
    start_of_sentence: bool = False
    lower: str = ""  # ``text`` in lower case
    folded: str = ""  # a word as the gazetteer's names are written (``fold``)


@dataclass
class _Mention:
    candidates: list[Candidate]
    paragraph: int
    sentence: int
    certain: bool  # a region, landmark or area, or a settlement that needs no more evidence
    place: Place | None = None


def _named(place: Place, paragraph: int, sentence: int) -> _Mention:
    """A mention of a place the text names outright (a region, a landmark, an area): nothing to resolve."""
    return _Mention([Candidate(place, True)], paragraph, sentence, True, place=place)


@dataclass
class Found:
    places: Counter = field(default_factory=Counter)  # Place: mentions
    regions: set[str] = field(default_factory=set)  # ISO 3166-2 codes


def _tokens(paragraph: str) -> tuple[list[_Token], list[tuple[int, int]]]:
    """The tokens of a paragraph, and (index, sentence number) of each word with a capital first: where a name may
    start. The token of each piece the tokenizer cuts is made once and shared (tokens are only read): kept by the
    piece, apart for the first word of a sentence, up to ``_KEPT`` pieces each, then kept anew."""
    tokens: list[_Token] = []
    capitals: list[tuple[int, int]] = []
    append = tokens.append
    start, sentence = True, 0
    at_start, inside = _AT_START, _INSIDE
    for text in _TOKENS.findall(_SAINT.sub("Saint ", paragraph) if "St." in paragraph else paragraph):
        kept = at_start if start else inside
        token = kept.get(text)
        if token is None:
            token = _make(text, start)
            if len(text) <= _SHARED:
                if len(kept) >= _KEPT:
                    kept.clear()
                kept[text] = token
        if token.word:
            if start and tokens:  # the first word of a sentence after the paragraph's first
                sentence += 1
            if token.upper:
                capitals.append((len(tokens), sentence))
            start = False
        elif not start and text in _SENTENCE_END:
            start = True
        append(token)
    return tokens, capitals


_SHARED = 64  # characters of the longest piece whose token is kept (a word; not a hostile text's run of letters)
_KEPT = 65_536  # pieces whose tokens are kept, of each kind
_AT_START: dict[str, _Token] = {}  # piece: its token as the first word of a sentence
_INSIDE: dict[str, _Token] = {}  # piece: its token elsewhere


def _make(text: str, start: bool) -> _Token:
    if not text[0].isalpha():
        return _Token(text, False, False, lower=text.lower())
    possessive = text.endswith(_POSSESSIVE)
    text = text[:-2] if possessive else text.rstrip("'’ʼ-")
    if "-" in text:
        head, _, tail = text.rpartition("-")
        if head and tail.lower() in HYPHEN_TAILS:  # "Kyiv-based": Kyiv
            text = head
    return _Token(text, True, text[:1].isupper(), possessive, start, text.lower(), _fold_word(text))


def _lower(tokens: list[_Token], index: int) -> str:
    return tokens[index].lower if 0 <= index < len(tokens) else ""


def match(title: str | None, body: str | None, places: Gazetteer | None = None) -> Found:
    """The places ``title`` and ``body`` name, with their mentions, and the regions they lie in."""
    places = places or gazetteer()
    paragraphs = [(title or "")[:MAX_TITLE]] + (body or "")[:MAX_CHARS].split("\n")
    mentions: list[_Mention] = []
    for number, paragraph in enumerate(paragraphs):
        if paragraph.strip():
            mentions.extend(_scan(*_tokens(paragraph), number, places))
    return _resolve(mentions)


def _scan(tokens: list[_Token], capitals: list[tuple[int, int]], paragraph: int, places: Gazetteer) -> list[_Mention]:
    """The mentions of a paragraph's tokens, read from each word with a capital first (``capitals``: its index and
    sentence number) the reading has not passed."""
    found: list[_Mention] = []
    chain: list[tuple[str, _Mention | None]] = []  # roots waiting for "oblasts" ("Chernihiv, Luhansk, and Sumy oblasts")
    i = 0
    for at, sentence in capitals:
        if at < i:
            continue  # a word of a name already read
        if chain and any(tokens[k].text not in LINKS for k in range(i, at)):
            chain.clear()  # the list of roots ended before this word
        i = at
        key, end = _longest(tokens, i, places)
        if key is None:
            chain.clear()
            i += 1
            continue
        after = _lower(tokens, end)
        if key in places.not_places:
            i = end
            continue
        if key in places.roots and (after in REGION_WORDS or after in REGION_PLURALS):
            found.append(_named(places.regions[places.roots[key]], paragraph, sentence))
            if after in REGION_PLURALS:
                for root, waiting in chain:  # each root of the list is a region too
                    listed = _named(places.regions[places.roots[root]], paragraph, sentence)
                    if waiting is None:  # a root no settlement bears ("Sverdlovsk and Chelyabinsk oblasts")
                        found.append(listed)
                    else:  # the settlement of that name read before "oblasts" came: the region after all
                        waiting.place, waiting.candidates, waiting.certain = listed.place, listed.candidates, True
            chain.clear()
            i = end + 1
            continue
        if key in places.alone:
            found.append(_named(places.alone[key], paragraph, sentence))
            i = end
            continue
        mention = _settlement(tokens, i, end, key, paragraph, sentence, places, found)
        if mention is not None:
            found.append(mention)
        if key in places.roots and after in LINKS:
            chain.append((key, mention))
        elif chain:
            chain.clear()
        i = end
    return found


def _longest(tokens: list[_Token], i: int, places: Gazetteer) -> tuple[str | None, int]:
    """The longest run of words from ``i`` that names something the gazetteer knows, and where it ends."""
    best: tuple[str | None, int] = (None, i)
    key = ""
    for j in range(i, min(len(tokens), i + places.max_words)):
        token = tokens[j]
        if not token.word or (j > i and tokens[j - 1].possessive):
            break
        key = f"{key} {token.folded}" if j > i else token.folded
        if key in places.settlements or key in places.alone or key in places.roots or key in places.not_places:
            best = (key, j + 1)
        if key not in places.prefixes:
            break
    return best


@functools.lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return fold(word)


def _settlement(tokens, i, end, key, paragraph, sentence, places: Gazetteer, found) -> _Mention | None:
    candidates = places.settlements.get(key)
    if not candidates or key in places.never or key in places.countries:
        return None
    before, after = _lower(tokens, i - 1), _lower(tokens, end)
    if i and tokens[i - 1].possessive:  # "Kharkiv's Kyivskyi district": the city counts, its district adds nothing
        candidates = [c for c in candidates if c.place.kind != "city district"]
        if not candidates:
            return None
    if key in places.rivers and (before == "the" or after in RIVER_WORDS
                                 or (before == "of" and _lower(tokens, i - 2) in RIVER_BANKS)):
        return None
    if after in ("district", "districts") and key.endswith("ski") and key not in places.roots:
        return None  # "the Shevchenkivskyi district of Kyiv": a city district, not a settlement of that name
    biggest = max(c.place.population for c in candidates)
    if places.foreign.get(key, 0) > biggest:
        return None
    previous = tokens[i - 1] if i else None
    if (previous is not None and previous.word and previous.upper and not previous.start_of_sentence
            and not previous.possessive and "-" not in previous.text and before not in MODIFIERS
            and previous.folded not in places.settlements):
        return None  # "Taras Shevchenko": a first name before it
    cued = (before in CUES or after in AFTER or (previous is not None and previous.possessive)
            or (after == "," and _lower(tokens, end + 2) in REGION_WORDS)
            or (before in LINKS and bool(found) and found[-1].certain and found[-1].paragraph == paragraph))
    primary = [c for c in candidates if c.primary]  # none: an older or foreign name, which needs a cue
    certain = (bool(primary) and primary[0].place.population >= BARE_MIN and key not in places.needs_cue
               and primary[0].place.kind == "settlement")
    if key in places.needs_cue and (not (certain or cued) or (
            end < len(tokens) and tokens[end].word and tokens[end].upper and after not in REGION_WORDS
            and after not in AFTER and before not in CUES)):
        return None  # uncued, or a first name and a surname however listed ("…, Serhii Popko, head of …")
    return _Mention(candidates, paragraph, sentence, certain or cued)


def _resolve(mentions: list[_Mention]) -> Found:
    """Each mention's place: a certain one as found, an ambiguous name by the regions named beside it."""
    named_in: dict[tuple, set[str]] = {}  # sentence, paragraph, article: the regions named there
    stated_in: dict[tuple, set[str]] = {}  # sentence: the regions named there by name (a region, a landmark)
    for mention in mentions:
        first = mention.candidates[0].place
        if mention.place is None and not (mention.certain and len(mention.candidates) == 1
                                          and first.population >= BARE_MIN):
            continue  # only what needs no context names a region for the others
        regions = (mention.place or first).regions
        for scope in _scopes(mention):
            named_in.setdefault(scope, set()).update(regions)
        if mention.place is not None:
            for scope in (_scopes(mention)[0], ("a",)):
                stated_in.setdefault(scope, set()).update(regions)
    found = Found()
    for mention in mentions:
        place = mention.place or _choose(mention, named_in, stated_in)
        if place is None:
            continue
        found.places[place] += 1
        found.regions.update(place.regions)
    return found


def _scopes(mention: _Mention) -> tuple[tuple, ...]:
    return ("s", mention.paragraph, mention.sentence), ("p", mention.paragraph), ("a",)


def _choose(mention: _Mention, named_in: dict, stated_in: dict) -> Place | None:
    biggest = mention.candidates[0].place
    if mention.candidates[0].primary and biggest.population >= MAJOR:  # "Mykolaiv" is the city, unless its
        stated = stated_in.get(_scopes(mention)[0], set())  # sentence names the region of a namesake
        fitting = [c for c in mention.candidates if set(c.place.regions) & stated]
        return fitting[0].place if fitting else biggest
    for scope in _scopes(mention):
        named = named_in.get(scope, set())
        fitting = [c for c in mention.candidates if set(c.place.regions) & named]
        if fitting and (mention.certain or scope != ("a",)):
            return fitting[0].place  # primary names first, then the most populous
    if not mention.certain:
        return None
    where = _scopes(mention)[2 if mention.paragraph == 0 else 0]  # the title's context is the article
    if biggest.population < BARE_MIN and stated_in.get(where):
        return None  # a village of the region its sentence names, whose namesake there GeoNames lacks
    return biggest
