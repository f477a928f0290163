"""The text the figure rules read: sentences, numbers in figures, dates. Pure functions, linear in the text.

Numbers written as words ("five", "twenty-three", "one hundred and five") become figures through text2num's
``alpha2digit`` (a maintained library, in Rust); kyivind adds what it leaves: "a dozen", "half a dozen",
thousands separators ("1,716"), and "no one" kept apart from the number one. ``Quick`` searches the patterns most
sentences meet the quick way, for the same matches.
"""

from __future__ import annotations

import functools
import re
import sys

try:  # the parser of Python's regular expressions, which ``required`` reads a pattern with
    from re import _compiler as _sre_compile
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_compile as _sre_compile  # type: ignore[no-redef]
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

MAX_CHARS = 100_000  # of a title or body read for figures; a longer text is cut (its figures are in its start)
MAX_SENTENCE = 1_000  # characters of one sentence read (a News Feed sentence is a few hundred): bounds the work
# the rules do on one sentence, whatever it holds
KYIV = ZoneInfo("Europe/Kyiv")

# a sentence ends at . ! ? before a space and a capital, a digit or a quote; abbreviations of months, titles
# and initials do not end one ("Nov. 21", "Gov. Kiper", "U.S.")
_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Gov", "Mr", "Mrs", "Ms",
                  "Dr", "St", "Lt", "Col", "Gen", "Maj", "Capt", "Sgt", "No", "U.S", "U.K", "E.U", "a.m", "p.m")
_END = re.compile(r"[.!?](?P<gap>[\"”’)]?\s+)(?=[A-Z0-9\"“‘(])")  # the gap after the mark parts the sentences
_LAST_WORD = re.compile(r"(\S+)$")


def sentences(text: str | None) -> list[tuple[int, str, int]]:
    """(paragraph number, sentence, where it starts in ``text``) of a text, in order; blank lines part
    paragraphs. Split once for the toll and the air readers of one article (a small cache, as ``prepared``)."""
    return list(_sentences(text))


@functools.lru_cache(maxsize=4)
def _sentences(text: str | None) -> tuple[tuple[int, str, int], ...]:
    found: list[tuple[int, str, int]] = []
    text = (text or "")[:MAX_CHARS]
    offset, number = 0, 0
    for paragraph in text.split("\n"):
        base, offset = offset, offset + len(paragraph) + 1
        if not paragraph.strip():
            continue
        start = 0
        for end in _END.finditer(paragraph):
            gap = end.start("gap")
            head = paragraph[max(start, gap - 40):gap].rstrip()  # the last word only: linear
            last = _LAST_WORD.search(head)
            word = last.group(1).rstrip(".!?\"”’)") if last else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue  # "Nov. 21", "Oleh V. Kiper"
            _add(found, number, paragraph, start, gap, base)
            start = end.end()
        if paragraph[start:].strip():
            _add(found, number, paragraph, start, len(paragraph), base)
        number += 1
    return tuple(found)


def _add(found: list, number: int, paragraph: str, start: int, end: int, base: int) -> None:
    piece = paragraph[start:end]
    lead = len(piece) - len(piece.lstrip())
    found.append((number, piece.strip()[:MAX_SENTENCE], base + start + lead))


DIGIT = re.compile(r"\d")


def has_any(lower: str, words) -> bool:
    """Whether ``lower`` (a text in lower case) holds one of ``words``: the test every sentence passes before the
    patterns are searched (a plain loop; a generator under any() costs twice as much)."""
    for word in words:
        if word in lower:
            return True
    return False


_NO_ONE = re.compile(r"\b(?:no one|no-one)\b", re.I)
_DOZEN = re.compile(r"\b(?:(?P<half>half a)|(?:a|one))\s+dozen\b", re.I)
_DOZENS_OF = re.compile(r"\b(?P<n>\d+)\s+dozen\b", re.I)
_VAGUE = re.compile(r"\b(?:tens|hundreds|thousands|millions)(?=\s+of\b)", re.I)
_THOUSANDS = re.compile(r"(\d(?<!\w\d)\d{0,2})((?:,\d{3})+)\b")  # "1,716" (the look-behind after the first digit)
_HAS_WORD_NUMBER = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                              r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
                              r"sixty|seventy|eighty|ninety|hundred|thousand)\b", re.I)
# the letters case-blind matching takes for ASCII ones that lower() does not make them ("ſix" is "six" to re.I)
_FOLDS_APART = ("İ", "ı", "ſ")
_GROUP = re.compile(r"(?<!\\)\(\?p([<=])")  # "(?P<name>", "(?P=name)" in lower case
# what lower case would change the meaning of: escapes ("\\S", "\\x41"), a part that is not case-blind, a range from
# a capital to what is no capital ("[A-z]")
_NOT_LOWERED = re.compile(r"\\[A-Z0-9xuN]|\(\?-|[A-Z]-[^A-Z\]]|[^A-Z\\]-[A-Z]")


class Quick:
    """A pattern searched the quick way, for the same matches. Not at all in a text without one of the words every
    match holds (read from the pattern itself, ``required``); a case-blind one (``re.I``) as a case-sensitive copy of
    it in the text's lower case, which the regular expression engine does in a third of the time or less, each match
    the copy finds made again by the pattern where it starts (so the matches, their groups in the text's own case, are
    the pattern's). Where the copy could find otherwise (a pattern with a letter other than ASCII, with escapes such
    as ``\\S`` or group names lower case changes) it is not made; a text with "İ", "ı" or "ſ" is searched as it is."""

    def __init__(self, pattern: re.Pattern):
        self.compiled, self.pattern, self.flags, self.groupindex = pattern, pattern.pattern, pattern.flags, \
            pattern.groupindex
        self.required = required(pattern)
        self.lowered = None
        source = pattern.pattern
        caseless = all(c.isascii() or c.lower() == c == c.upper() for c in source)  # "’" is, "É" is not
        if pattern.flags & re.I and caseless and not _NOT_LOWERED.search(source):
            try:
                lowered = re.compile(_GROUP.sub(r"(?P\1", source.lower()), pattern.flags & ~re.I)
            except re.error:
                return
            if lowered.groupindex == pattern.groupindex:
                self.lowered = letter_first(lowered)

    def _lower(self, text: str) -> str | None:
        """``text`` in lower case, or None where the pattern is searched as it is."""
        for letter in _FOLDS_APART:
            if letter in text:
                return None
        return text.lower() if self.required is not None or self.lowered is not None else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        lower = self._lower(text)
        if lower is None:
            return self.compiled.finditer(text, pos, endpos)
        if self.required is not None and not has_any(lower, self.required):
            return iter(())
        if self.lowered is None:
            return self.compiled.finditer(text, pos, endpos)
        found = []
        for m in self.lowered.finditer(lower, pos, endpos):
            same = self.compiled.match(text, m.start(), endpos)
            if same is None or same.span() != m.span():  # never, by the reasoning above: then the pattern's own
                return self.compiled.finditer(text, pos, endpos)
            found.append(same)
        return iter(found)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        lower = self._lower(text)
        if lower is None:
            return self.compiled.search(text, pos, endpos)
        if self.required is not None and not has_any(lower, self.required):
            return None
        if self.lowered is None:
            return self.compiled.search(text, pos, endpos)
        m = self.lowered.search(lower, pos, endpos)
        if m is None:
            return None
        same = self.compiled.match(text, m.start(), endpos)
        return same if same is not None and same.span() == m.span() else self.compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.compiled.match(text, pos, endpos)


def letter_first(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` made to start with what it matches first, for the same matches (the same spans; its groups may
    differ where a look-behind or a boundary stood first). The engine skips straight to a character a pattern must
    start with, and tries a pattern that starts with ``\\b`` or a look-behind at every place: ``\\bin\\s`` is searched
    as ``i(?<=\\bi)n\\s``, each branch of an alternation so. The zero-width parts before the first character are checked
    where they stood, in a look-behind over that character. ``pattern`` itself where it has no such form, holds
    references to groups, or the engine refuses the new form."""
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
        if _refers(parsed.data):
            return pattern
        data = _first(parsed.data, [], parsed.state)
        starts = _starts(data) if data is not None else None
        if starts is None or len(starts) > _FEW_STARTS:
            return pattern
        faster = _sre_compile.compile(_sre_parse.SubPattern(parsed.state, data), pattern.flags)
    except Exception:  # a form this rewriting does not know: the pattern as it is
        return pattern
    return faster if faster.groupindex == pattern.groupindex and faster.groups == pattern.groups else pattern


_BOUNDARIES = tuple(getattr(_sre, name) for name in ("AT_BOUNDARY", "AT_NON_BOUNDARY", "AT_UNI_BOUNDARY",
                                                      "AT_UNI_NON_BOUNDARY", "AT_LOC_BOUNDARY", "AT_LOC_NON_BOUNDARY")
                    if hasattr(_sre, name))
_FEW_STARTS = 2  # characters a rewritten pattern may start with: where it may start with more (most letters are
# some word's first), the skip gains less than the look-behind costs at each of them


def _zero_width(op, av) -> bool:
    """A part that matches no character and is checked where it stands: a word boundary, a look-around (not "^",
    which the engine already tries at the start only)."""
    return op in (_sre.ASSERT, _sre.ASSERT_NOT) or (op is _sre.AT and av in _BOUNDARIES)


def _starts(items, depth: int = 0) -> set[str] | None:
    """The characters a rewritten sequence may start with, or None where it starts with a class."""
    if not items or depth > _FIRST_DEPTH:
        return None
    op, av = items[0]
    if op is _sre.LITERAL:
        return {chr(av)}
    if op is _sre.SUBPATTERN:
        return _starts(av[3].data, depth + 1)
    if op is _sre.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            starts = _starts(branch.data, depth + 1)
            if starts is None:
                return None
            found |= starts
        return found
    return None
_FIRST_DEPTH = 8  # of groups and alternations looked into for the first character


def _refers(items, depth: int = 0) -> bool:
    """Whether parsed items refer to a group (a back-reference, a conditional): then nothing is moved."""
    if depth > 50:
        return True
    for op, av in items:
        if op in (_sre.GROUPREF, _sre.GROUPREF_EXISTS, getattr(_sre, "GROUPREF_IGNORE", None)):
            return True
        for sub in av if isinstance(av, (tuple, list)) else (av,):
            if isinstance(sub, _sre_parse.SubPattern) and _refers(sub.data, depth + 1):
                return True
            if isinstance(sub, list) and any(isinstance(b, _sre_parse.SubPattern) and _refers(b.data, depth + 1)
                                             for b in sub):
                return True
    return False


def _first(items, before: list, state, depth: int = 0) -> list | None:
    """``before`` (zero-width parts) and ``items`` as parts that start with a character (a literal or a class, in a
    group or in each branch), or None where they cannot."""
    items = list(items)
    i = 0
    while i < len(items) and _zero_width(*items[i]):
        i += 1
    before, rest = before + items[:i], items[i:]
    if not rest or depth > _FIRST_DEPTH:
        return None
    op, av = rest[0]
    if op in (_sre.LITERAL, _sre.IN):
        if not before:
            return rest
        behind = _sre_parse.SubPattern(state, before + [rest[0]])
        return [rest[0], (_sre.ASSERT, (-1, behind))] + rest[1:]
    if op is _sre.BRANCH:
        branches = [_first(branch.data, before, state, depth + 1) for branch in av[1]]
        if any(branch is None for branch in branches):
            return None
        return [(_sre.BRANCH, (av[0], [_sre_parse.SubPattern(state, branch) for branch in branches]))] + rest[1:]
    if op is _sre.SUBPATTERN:
        group, add_flags, del_flags, inner = av
        if add_flags or del_flags:
            return None
        data = _first(inner.data, before, state, depth + 1)
        if data is None:
            return None
        return [(_sre.SUBPATTERN, (group, add_flags, del_flags, _sre_parse.SubPattern(state, data)))] + rest[1:]
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1 and len(av[2].data) == 1 and \
            av[2].data[0][0] in (_sre.LITERAL, _sre.IN):  # "\\d+" as "\\d\\d*"
        low, high, item = av
        more = (op, (low - 1, high if high == _sre.MAXREPEAT else high - 1, item))
        return _first([item.data[0], more] + rest[1:], before, state, depth + 1)
    return None


def required(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Words (in lower case) one of which every match of ``pattern`` holds, read from its parsed form: a run of
    letters it must match, or each branch's where it must match one of several; None where it need hold none."""
    try:
        found = _required(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # a form this reading does not know: no words, the pattern searched everywhere
        return None
    if not found:
        return None
    # a word that holds another of them adds nothing to the test ("launched" holds "launch"): the shortest first
    words: list[str] = []
    for word in sorted(found, key=len):
        if not any(shorter in word for shorter in words):
            words.append(word)
    return tuple(words)


_REPEATS = tuple(op for op in (getattr(_sre, name, None) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"))
                 if op is not None)
_LETTERS_MAX = 64  # of the words a run of letters and small classes ("[ck]") may stand for


def _required(items) -> frozenset[str] | None:
    """The words one of which a sequence of parsed items must match, the most telling of its items' (the longest
    shortest word, then the fewest), or None."""
    candidates: list[frozenset[str]] = []
    run: set[str] = {""}

    def letter(code: int) -> str | None:
        char = chr(code)
        return char.lower() if char.isascii() or char.lower() == char == char.upper() else None

    def close() -> None:
        nonlocal run
        if "" not in run:
            candidates.append(frozenset(run))
        run = {""}

    for op, av in items:
        if op is _sre.LITERAL and letter(av) is not None:
            run = {word + letter(av) for word in run}
            continue
        if op is _sre.IN and all(o is _sre.LITERAL and letter(c) is not None for o, c in av) and \
                len(run) * len(av) <= _LETTERS_MAX:
            run = {word + letter(c) for word in run for _, c in av}
            continue
        close()
        found = None
        if op is _sre.SUBPATTERN:
            found = _required(av[-1])
        elif op is _sre.BRANCH:
            branches = [_required(branch) for branch in av[1]]
            found = None if any(b is None for b in branches) else frozenset().union(*branches)
        elif op in _REPEATS and av[0] >= 1:
            found = _required(av[2])
        elif op is _sre.ASSERT:  # what a look-ahead or look-behind must see is in the text too
            found = _required(av[1])
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            found = _required(av)
        if found:
            candidates.append(found)
    close()
    return max(candidates, key=lambda words: (min(map(len, words)), -len(words)), default=None)


_HAS_WORD_NUMBER = Quick(_HAS_WORD_NUMBER)


@functools.lru_cache(maxsize=128)
def prepared(sentence: str) -> tuple[str, str]:
    """(the sentence with its numbers in figures, the same with the numbers that are no count masked): made once
    for the toll and the air readers of one article (a small cache: the two read the same sentences in turn)."""
    from kyivind.figures.numbers import mask

    plain = figures_in(sentence)
    return plain, mask(plain)


def figures_in(sentence: str) -> str:
    """The sentence with its numbers in figures: "Five people were killed and a dozen injured" ->
    "5 people were killed and 12 injured"; "no one" stays words ("nobody"). Each rewrite runs only where a
    substring says it may apply."""
    text, lower = sentence, sentence.lower()
    if "no one" in lower or "no-one" in lower:
        text = _NO_ONE.sub("nobody", text)
    if "dozen" in lower:
        text = _DOZEN.sub(lambda m: "6" if m.group("half") else "12", text)
    if "s of" in lower and _VAGUE.search(text):  # "hundreds of people", "millions": no figure ("100", "1000000")
        text = _VAGUE.sub("many", text)
    if _HAS_WORD_NUMBER.search(text):
        from text_to_num import alpha2digit

        text = alpha2digit(text, "en", threshold=0)
    if "dozen" in lower:
        text = _DOZENS_OF.sub(lambda m: str(int(m.group("n")) * 12) if len(m.group("n")) < 9 else m.group(), text)
    return _THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace(",", ""), text) if "," in text else text


MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
          "nov": 11, "dec": 12}
MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|March|Mar|April|Apr|May|June|Jun|July|Jul|Aug(?:ust)?|Sept?(?:ember)?|" \
        r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE = re.compile(MONTH + r"\s+(?P<day>\d{1,2})\b")


def published_day(published_at: str | None) -> date | None:
    """The day an article was published, in Kyiv."""
    if not published_at:
        return None
    try:
        when = datetime.fromisoformat(str(published_at).replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.astimezone(KYIV).date() if when.tzinfo else when.date()


def published_hour(published_at: str | None) -> int | None:
    try:
        when = datetime.fromisoformat(str(published_at).replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    return when.astimezone(KYIV).hour if when.tzinfo else when.hour


def day_of(month: str, day: str, near: date | None) -> date | None:
    """The date "Nov. 21" names, in the year that puts it nearest before (or on) ``near``."""
    number = MONTHS.get(month[:3].lower())
    if number is None or near is None:
        return None
    for year in (near.year, near.year - 1):
        try:
            found = date(year, number, int(day))
        except ValueError:
            return None
        if found <= near + timedelta(days=1):
            return found
    return None
