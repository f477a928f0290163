"""Author-bio splitting: name, role line and bio out of an author block, whatever the whitespace.

An author card on the page reads "Avatar / Volodymyr Ivanyshyn / News Editor / Volodymyr Ivanyshyn is
a news editor… / Read more"; in a text dump the role can run straight into the bio ("News
EditorKateryna Denisova works as…"). The news desk has no role line. In Ghost's data the role may
also sit at the start of ``bio`` or in ``location``.
"""

from __future__ import annotations

import re

from kyivind.extraction.util import clean_text, kept

CHROME_LINES = {"avatar", "read more", "read more →", "more", "team", "articles", "follow", "author",
                "authors", "about the author", "written by", "by"}
ROLE_WORDS = re.compile(
    r"\b(editor|reporter|correspondent|journalist|writer|desk|producer|director|chief|head|manager|"
    r"columnist|analyst|photographer|photojournalist|intern|fellow|host|founder|ceo|officer|"
    r"contributor|fact-checker|videographer|designer|strategist|coordinator|anchor|researcher)s?\b",
    re.I,
)
BIO_OPENERS = re.compile(r"^(he|she|they|we|i|our|my|his|her|their|the|a|an|as|before|prior|previously|born|based)\b", re.I)
SENTENCE_WORDS = re.compile(r"\b(is|are|was|were|has|have|had|works|worked|joined|covers|covered|writes)\b", re.I)
NAME_STOPWORDS = {"the", "a", "an", "news", "desk", "team", "staff", "editor", "editors"}


def looks_like_role(text: str) -> bool:
    text = clean_text(text)
    return (
        0 < len(text) <= 80
        and len(text.split()) <= 9
        and not text.endswith(".")
        and not BIO_OPENERS.match(text)
        and not SENTENCE_WORDS.search(text)
        and bool(ROLE_WORDS.search(text) or text.istitle())
    )


def _strip_name(text: str, name: str | None) -> str:
    if name and text.lower().startswith(name.lower()):
        rest = text[len(name):]
        # only a real prefix: "Volodymyr IvanyshynNews Editor" or "Name Role", not "Names…"
        if not rest or not rest[0].islower():
            return rest.strip()
    return text


def _name_variants(name: str | None) -> list[str]:
    if not name:
        return []
    parts = name.split()
    variants = [name]
    if len(parts) > 1:
        variants += [parts[0], parts[-1]]
    return [v for v in variants if len(v) >= 3 and v[0].isupper() and v.lower() not in NAME_STOPWORDS]


def split_run_together(text: str, name: str | None) -> tuple[str | None, str]:
    """Split "News EditorKateryna Denisova works as…" into role and bio."""
    text = clean_text(text)
    for variant in _name_variants(name):
        position = text.find(variant, 1)
        if 0 < position <= 80:
            role = text[:position].strip()
            if looks_like_role(role) and ROLE_WORDS.search(role):
                return role, text[position:].strip()
    # a lower-case letter or ')' glued to a capital: the end of a role line and the start of the bio
    for match in re.finditer(r"(?<=[a-z)])(?=[A-Z])", text[:81]):
        role = text[: match.start()].strip()
        if looks_like_role(role) and ROLE_WORDS.search(role):
            return role, text[match.start():].strip()
    # "News Editor He is…": role words then a sentence opener
    match = re.match(r"^(.{2,80}?)\s+(?=(?:He|She|They|The|A|An|As|Before|Prior|Previously|Born|Based)\b)", text)
    if match and looks_like_role(match.group(1)) and ROLE_WORDS.search(match.group(1)):
        return match.group(1).strip(), text[match.end():].strip()
    return None, text


ARROWS = "→»›"


def _is_word(char: str) -> bool:
    return char == "_" or char.isalnum()  # what re's \w matches


def _word_end(char: str) -> bool:
    """What may stand before a closing link: the end of a word or of a sentence (``[.!?\\w]``)."""
    return char in ".!?" or _is_word(char)


def _before_space(text: str, position: int) -> int:
    """Where the run of white space that ends at ``position`` begins."""
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position


def _without_read_more(raw: str) -> str:
    """The block without its closing link, "Read more" or "More from <name>" with the rest of its line, and
    at most one arrow after it; the link follows a word or a sentence. Read from the end in one pass: a
    pattern ``More from \\w[^\\n]*\\s*$`` backtracks over the whole rest for every "More from" of a padded block."""
    end = raw.rstrip()
    if end and end[-1] in ARROWS:
        end = end[:-1].rstrip()
    more = end.find("More from ", end.rfind("\n") + 1)  # on the last line: nothing but white space follows it
    while more >= 0:
        start = _before_space(end, more)
        if more + 10 < len(end) and _is_word(end[more + 10]) and start > 0 and _word_end(end[start - 1]):
            return raw[:start]
        more = end.find("More from ", more + 1)
    for words in ("Read more", "Read More"):
        if end.endswith(words):
            start = _before_space(end, len(end) - len(words))
            if start > 0 and _word_end(end[start - 1]):
                return raw[:start]
    return raw


@kept(max_chars=4096, maxsize=1024)  # an author's card is a few hundred characters; longer blocks are split each time
def split_author_block(raw: str | None, name: str | None) -> tuple[str | None, str | None]:
    """(role, bio) of an author block given as text, one visual line per line where it can. The answer for a
    block and a name is kept: an author's card is the same on every article of theirs."""
    if not raw:
        return None, None
    return _split_author_block(raw, name)


def _split_author_block(raw: str, name: str | None) -> tuple[str | None, str | None]:
    raw = re.sub(r"^\s*Avatar\b", "", raw)
    raw = _without_read_more(raw)
    lines = [clean_text(line) for line in raw.split("\n")]
    lines = [line for line in lines if line and line.lower().rstrip(" →»›") not in CHROME_LINES]
    if lines:
        lines[0] = _strip_name(lines[0], name)
        if not lines[0]:
            lines.pop(0)
    if lines and name and lines[-1].lower() == name.lower():
        lines.pop()
    if not lines:
        return None, None
    if len(lines) >= 2 and looks_like_role(lines[0]):
        return lines[0], " ".join(lines[1:]) or None
    if len(lines) >= 2 and looks_like_role(lines[-1]) and ROLE_WORDS.search(lines[-1]):
        return lines[-1], " ".join(lines[:-1]) or None  # a theme that prints the role under the bio
    role, bio = split_run_together(" ".join(lines), name)
    return role, bio or None


def split_ghost_author(bio: str | None, location: str | None, name: str | None) -> tuple[str | None, str | None]:
    """(role, bio) from a Ghost author's ``bio`` and ``location`` fields."""
    bio_text = bio or ""
    role = None
    if location and looks_like_role(location) and ROLE_WORDS.search(location):
        role = clean_text(location)
    if "\n" in bio_text.strip():
        first, rest = bio_text.strip().split("\n", 1)
        if role is None and looks_like_role(first):
            return clean_text(first), clean_text(rest) or None
        if role is not None and clean_text(first) == role:
            return role, clean_text(rest) or None
    if role is None and bio_text:
        role, rest = split_run_together(bio_text, name)
        if role is not None:
            return role, rest or None
    if role is not None and clean_text(bio_text).startswith(role):
        bio_text = clean_text(bio_text)[len(role):]
    return role, clean_text(bio_text) or None
