"""What changed between two versions of an article: the fields that differ, the words added and removed,
and the body as an inline word diff; the ``changes`` table of the database, one row per version
transition, built incrementally with the rest of it.

The diff is diff-match-patch's (Google's Diff Match Patch, the ``diff-match-patch`` package) run over words:
each distinct word or run of spaces becomes one character, the character strings are diffed, and a
semantic clean-up merges the small equalities that make a diff hard to read. Chosen over difflib because
its run time is bounded (``Diff_Timeout``: past it, a coarser but valid diff) whatever the text, which an
archive of hostile pages needs; and over redlines because only the diff is needed, not its Markdown.
"""

from __future__ import annotations

import html
import json
import re

from diff_match_patch import diff_match_patch

from kyivind.extraction.util import shown
from kyivind.items import FIELDS, OBJECT_FIELDS, VERSIONED_FIELDS

DIFF_SECONDS = 2.0  # diff-match-patch's own bound for one diff
MAX_CHARS = 200_000  # each side is cut here before diffing
_WORDS = re.compile(r"\s+|\w+(?:['’]\w+)*|[^\w\s]")  # spaces, a word ("Editor's"), a punctuation mark
# what says nothing about the article: when and how it was fetched
UNCOMPARED = {"fetched_at", "content_hash", "version", "capture"}
COMPARED = [name for name in FIELDS if name not in UNCOMPARED]
INSERT, DELETE, EQUAL = 1, -1, 0


def word_diff(before: str, after: str) -> list[tuple[int, str]]:
    """[(op, text)]: op 1 for words added, -1 removed, 0 kept, in the order of the text."""
    before, after = (before or "")[:MAX_CHARS], (after or "")[:MAX_CHARS]
    codes: dict[str, str] = {}
    words: list[str] = []

    def encode(text: str) -> str:
        out = []
        for token in _WORDS.findall(text):
            if token not in codes:
                codes[token] = chr(len(words) + 0x100)  # above the control characters
                words.append(token)
            out.append(codes[token])
        return "".join(out)

    left, right = encode(before), encode(after)
    engine = diff_match_patch()
    engine.Diff_Timeout = DIFF_SECONDS
    diffs = engine.diff_main(left, right, False)
    engine.diff_cleanupSemantic(diffs)
    return [(op, "".join(words[ord(ch) - 0x100] for ch in text)) for op, text in diffs if text]


def added(diffs) -> str:
    return _runs(diffs, INSERT)


def removed(diffs) -> str:
    return _runs(diffs, DELETE)


def _runs(diffs, op: int) -> str:
    """The runs of one kind, in order, each trimmed, joined by " … "."""
    return " … ".join(" ".join(text.split()) for kind, text in diffs if kind == op and text.strip())


CONTEXT_WORDS = 12  # unchanged words kept on each side of a change in ``diff_html``
LEAD_WORDS = 6  # unchanged words kept before the first change: the cell opens on it
_BREAKS = re.compile(r"[ \t]*(?:\n[ \t]*)+")  # a paragraph break (blank lines included), shown as one line break


def _context(text: str, before: bool, after: bool) -> str:
    """An unchanged run cut to the words next to the changes around it (``before``: a change precedes it,
    ``after``: one follows), the rest as " … "."""
    words = text.split()
    if len(words) <= CONTEXT_WORDS * (before + after):
        return text
    kept = " ".join(filter(None, (" ".join(words[:CONTEXT_WORDS]) if before else "", "…",
                                  " ".join(words[-CONTEXT_WORDS:]) if after else "")))
    return (" " if text[:1].isspace() else "") + kept + (" " if text[-1:].isspace() else "")


def _lead_in(text: str) -> str:
    """The unchanged text before the first change cut to a lead-in of one short line: at most ``LEAD_WORDS``
    words of its last line (the rest as "… "), and the line break it ends with, if it does."""
    body = text.rstrip()
    line = body.rsplit("\n", 1)[-1]
    words = line.split()
    kept = " ".join(words[-LEAD_WORDS:])
    cut = len(words) > LEAD_WORDS or "\n" in body
    end = "\n" if "\n" in text[len(body):] else (" " if text[-1:].isspace() else "")
    return ("… " if cut and kept else "…" if cut else "") + kept + end


def as_html(diffs) -> str:
    """What changed, with ``<ins>`` and ``<del>`` around what was added and removed and a few unchanged words
    around each change (the rest cut to " … "); everything else escaped; in a ``kyivind-diff`` block.

    The block is a few lines high in Datasette (``kyivind.css``) and opens on the first change: the unchanged
    text before it is cut to a short lead-in of one line, and a paragraph break is one line break, never a
    blank line, so a paragraph added at the end shows in the first two lines."""
    tags = {INSERT: "ins", DELETE: "del"}
    changed = [op in tags for op, _ in diffs]
    first = changed.index(True) if any(changed) else len(diffs)
    parts = []
    for n, (op, text) in enumerate(diffs):
        if op in tags:
            parts.append(f"<{tags[op]}>{_lines(text)}</{tags[op]}>")
        elif n < first < len(diffs):  # before the first change: its lead-in alone
            parts.append(_lines(_lead_in(text)) if n == first - 1 else "")
        else:
            parts.append(_lines(_context(text, any(changed[:n]), any(changed[n + 1:]))))
    return '<div class="kyivind-diff">' + "".join(parts) + "</div>"


def _lines(text: str) -> str:
    """Escaped, each paragraph break one ``<br>``."""
    return _BREAKS.sub("<br>", html.escape(text))


def as_terminal(diffs, colour: bool) -> str:
    """The text with what was added and removed in colour (green, red struck through), or marked
    ``{+added+}`` and ``[-removed-]`` as ``git diff --word-diff=plain`` does, for a pipe."""
    if colour:
        marks = {INSERT: ("\x1b[32m", "\x1b[0m"), DELETE: ("\x1b[31;9m", "\x1b[0m")}
    else:
        marks = {INSERT: ("{+", "+}"), DELETE: ("[-", "-]")}
    # the site's text shown, never run: a control character in it is written out (the colours are kyivind's own)
    return "".join(f"{marks[op][0]}{shown(text)}{marks[op][1]}" if op in marks else shown(text) for op, text in diffs)


def changed_fields(before: dict, after: dict) -> list[str]:
    """The fields of the item whose values differ between two versions, in the item's order."""
    return [name for name in COMPARED if _value(before, name) != _value(after, name)]


def _value(version: dict, name: str):
    """A field's value from an item, or from a ``versions`` row, which holds objects flat and lists as JSON."""
    if name in version:
        value = version[name]
        return json.loads(value) if isinstance(value, str) and name in ("authors", "links", "embeds", "tags") \
            and value[:1] == "[" else value
    if name in OBJECT_FIELDS:
        parts = {part: version.get(f"{name}_{part}") for part in OBJECT_FIELDS[name]}
        return parts if any(v is not None for v in parts.values()) else None
    return None


def edited(before: dict, after: dict) -> bool:
    """Whether a versioned field differs (an archived capture followed by the same text kyivind fetched later
    differs in nothing but ``modified_at``: no edit)."""
    return any(name in VERSIONED_FIELDS for name in changed_fields(before, after))


def change_row(before: dict, after: dict) -> dict:
    """The ``changes`` row of the transition from version ``before`` to ``after`` of one article."""
    diffs = word_diff(before.get("body_text"), after.get("body_text"))
    title = word_diff(before.get("title"), after.get("title"))
    return {"article_url": after["url"], "from_version": before.get("version"), "to_version": after.get("version"),
            "changed_at": after.get("fetched_at"), "fields": json.dumps(changed_fields(before, after)),
            "title_before": before.get("title"), "title_after": after.get("title"),
            "added": " … ".join(filter(None, (added(title), added(diffs)))),
            "removed": " … ".join(filter(None, (removed(title), removed(diffs)))),
            "diff_html": as_html(diffs)}


def update(db, urls) -> int:
    """Add the rows of every transition of these articles' versions (in capture order, ``fetched_at``) that
    ``changes`` lacks, and replace those an archived version now stands between; returns how many were added."""
    made = db["changes"].exists()
    if not made:  # a database made before the table: every edited article
        urls = [r[0] for r in db.execute("select url from versions group by url having count(*) > 1")]
    urls = sorted(set(urls))
    rows = []
    for start in range(0, len(urls), 500):
        chunk = urls[start:start + 500]
        marks = ",".join("?" * len(chunk))
        have = {(r[0], r[1], r[2]) for r in db.execute(
            f"select article_url, from_version, to_version from changes where article_url in ({marks})", chunk)} \
            if made else set()
        versions: dict[str, list[dict]] = {}
        for row in db.query(f"select * from versions where url in ({marks}) order by url, coalesce(fetched_at, ''), "
                            "version", chunk):
            versions.setdefault(row["url"], []).append(row)
        for url, rows_of in versions.items():
            pairs = list(zip(rows_of, rows_of[1:], strict=False))
            pairs = [(before, after) for before, after in pairs if edited(before, after)]
            targets = {after["version"] for _, after in pairs}
            for _, _, to_version in [key for key in have if key[0] == url and key[2] not in targets]:
                # an archived version captured before the first one: that one is no edit's result any more
                db.execute("delete from changes where article_url = ? and to_version = ?", [url, to_version])
            # a row of another transition into the same version (an archived version came between) is replaced
            rows += [change_row(before, after) for before, after in pairs
                     if (url, before["version"], after["version"]) not in have and edited(before, after)]
    if not made:
        # in reading order: the title and the coloured diff first, the article's URL last
        db["changes"].create({"title_after": str, "diff_html": str, "changed_at": str, "fields": str,
                              "from_version": int, "to_version": int, "added": str, "removed": str,
                              "title_before": str, "article_url": str}, pk=("article_url", "to_version"),
                             foreign_keys=[("article_url", "articles", "url")])
        db["changes"].create_index(["changed_at"], if_not_exists=True)
    db["changes"].insert_all(rows, replace=True, batch_size=500)
    return len(rows)


def versions_of(data_dir, wanted: str) -> list[dict]:
    """Every exported version of one article (by URL, with or without its last slash, or by slug), one per
    version number (the one fetched last), in capture order (``fetched_at``); read from the feeds."""
    from kyivind.outputs.feeds import FeedRows, feed_files, newer, order

    key = wanted.rstrip("/")
    found: dict[int, dict] = {}
    reading = FeedRows()
    for path in feed_files(data_dir):
        for item in reading.of(path):
            if item["url"].rstrip("/") == key or item.get("slug") == wanted:
                number = item.get("version") or 1
                if newer(item, found.get(number)):
                    found[number] = item
    return sorted(found.values(), key=order)


def describe(before: dict, after: dict, colour: bool) -> str:
    """``kyivind diff``'s text: the transition, the other changed fields, then the body's word diff."""
    lines = [shown(f"{after['url']}  version {before.get('version') or 1} → {after.get('version') or 1} "
                   f"(fetched {before.get('fetched_at')} → {after.get('fetched_at')})")]
    fields = changed_fields(before, after)
    for name in fields:
        if name == "body_text":
            continue
        if name == "title":
            lines.append("title: " + as_terminal(word_diff(before.get("title"), after.get("title")), colour))
            continue
        old, new = (json.dumps(_value(v, name), ensure_ascii=False) for v in (before, after))
        lines.append(shown(f"{name}: {_short(old)} → {_short(new)}"))
    if "body_text" not in fields:
        lines.append("body_text: unchanged")
        return "\n".join(lines)
    lines.append("")
    lines.append(as_terminal(word_diff(before.get("body_text"), after.get("body_text")), colour))
    return "\n".join(lines)


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
