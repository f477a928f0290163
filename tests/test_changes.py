"""What changed: the word diff, the changes table, the Atom feed and ``kyivind diff`` on feeds made here (the
replica's own edit is in test_analysis.py)."""

import asyncio
import json
import os
import random
import subprocess
import sys

import feedparser
import pytest
import sqlite_utils

from kyivind.cli import main as cli
from kyivind.outputs import changes
from kyivind.outputs.database import build
from tests.conftest import ROOT, chromium

URL = "https://kyivindependent.com/russian-attacks-kill-2/"
FIRST = {"url": URL, "slug": "russian-attacks-kill-2", "title": "Russian attacks kill 2, injure 5",
         "description": "Strikes on two oblasts.", "published_at": "2026-03-02T07:00:00+00:00",
         "fetched_at": "2026-03-02T08:00:00+00:00", "version": 1, "tags": ["News Feed"], "authors": [],
         "body_text": "Russian attacks killed two people in Kharkiv Oblast, the governor said.\n\n"
                      "The strikes hit a school <b>and</b> a shop.", "word_count": 18}
SECOND = {**FIRST, "title": "Russian attacks kill 3, injure 5", "fetched_at": "2026-03-03T08:00:00+00:00",
          "version": 2, "word_count": 27,
          "body_text": "Russian attacks killed three people in Kharkiv Oblast, the governor said.\n\n"
                       "The strikes hit a school <b>and</b> a shop.\n\nEditor's note: the toll was updated."}
THIRD = {**SECOND, "fetched_at": "2026-03-04T08:00:00+00:00", "version": 3, "tags": ["News Feed", "Kharkiv"]}
OTHER = {**FIRST, "url": "https://kyivindependent.com/other/", "slug": "other", "title": "Another story",
         "published_at": "2026-03-01T07:00:00+00:00"}


def write(folder, name, *rows):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"newsfeed-{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))


@pytest.fixture
def data_dir(tmp_path):
    write(tmp_path / "data" / "feeds", "20260302T080000000000Z", FIRST, OTHER)
    write(tmp_path / "data" / "feeds", "20260303T080000000000Z", SECOND)
    return tmp_path / "data"


def test_the_word_diff_in_order_and_escaped():
    diffs = changes.word_diff(FIRST["body_text"], SECOND["body_text"])
    assert changes.added(diffs) == "three … Editor's note: the toll was updated."
    assert changes.removed(diffs) == "two"
    page = changes.as_html(diffs)
    assert "<del>two</del><ins>three</ins>" in page and "&lt;b&gt;and&lt;/b&gt;" in page and "<b>" not in page
    assert changes.as_terminal(diffs, colour=False).startswith("Russian attacks killed [-two-]{+three+} people")
    assert "\x1b[32mthree\x1b[0m" in changes.as_terminal(diffs, colour=True)
    assert changes.changed_fields(FIRST, SECOND) == ["title", "body_text", "word_count"]


def test_a_diff_gives_back_both_texts_and_is_bounded():
    rng = random.Random(5)
    words = [rng.choice(["drone", "strike", "Kharkiv", "oblast", ",", "said", "the"]) for _ in range(3000)]
    before = " ".join(words)
    after = " ".join(w for w in words if rng.random() > 0.2) + " appended"
    diffs = changes.word_diff(before, after)
    assert "".join(t for op, t in diffs if op <= 0) == before and "".join(t for op, t in diffs if op >= 0) == after
    huge = "x " * changes.MAX_CHARS + "tail"
    cut = changes.word_diff(huge, huge + " more")
    assert all(op == 0 for op, _ in cut), "each side is cut at MAX_CHARS: what lies past it is not read"


def test_one_changes_row_per_transition_built_incrementally(data_dir):
    done = build(data_dir)
    assert done["changes_added"] == 1
    db = sqlite_utils.Database(data_dir / "kyivind.db")
    row = next(db["changes"].rows)
    assert (row["article_url"], row["from_version"], row["to_version"], row["changed_at"]) == \
        (URL, 1, 2, SECOND["fetched_at"])
    assert json.loads(row["fields"]) == ["title", "body_text", "word_count"]
    assert (row["title_before"], row["title_after"]) == (FIRST["title"], SECOND["title"])
    assert row["added"] == "3 … three … Editor's note: the toll was updated." and row["removed"] == "2 … two"
    assert build(data_dir)["changes_added"] == 0, "a second build adds nothing"
    write(data_dir / "feeds", "20260304T080000000000Z", THIRD)
    assert build(data_dir)["changes_added"] == 1
    third = next(db["changes"].rows_where("to_version = 3"))
    assert json.loads(third["fields"]) == ["tags"] and third["added"] == third["removed"] == ""
    # a database made before the table gets every transition on its next build
    db["changes"].drop()
    assert build(data_dir)["changes_added"] == 2


def atom(data_dir):
    from datasette.app import Datasette

    from kyivind.outputs.datasette import metadata

    datasette = Datasette([str(data_dir / "kyivind.db")], metadata=metadata())
    answer = asyncio.run(datasette.client.get("/kyivind/recent.atom"))
    assert answer.status_code == 200 and "xml" in answer.headers["content-type"]
    return feedparser.parse(answer.text)


def test_the_atom_feed_has_the_new_articles_and_the_edit_newest_first(data_dir):
    build(data_dir)
    feed = atom(data_dir)
    assert not feed.bozo and "new and changed" in feed.feed.title
    assert [e.id for e in feed.entries] == [f"{URL}#version-2", f"{URL}#version-1", "https://kyivindependent.com/other/#version-1"]
    edit = feed.entries[0]
    assert edit.title == f"Updated: {SECOND['title']}" and edit.link == URL
    assert "Added: 3 … three" in edit.summary and "Removed: 2 … two" in edit.summary
    assert feed.entries[1].title == FIRST["title"] and feed.entries[1].summary == FIRST["description"]
    write(data_dir / "feeds", "20260304T080000000000Z", THIRD)
    build(data_dir)
    again = atom(data_dir)
    assert [e.id for e in again.entries][1:] == [e.id for e in feed.entries], "each version keeps its id"


def test_kyivind_diff_in_a_pipe_and_on_a_terminal(data_dir, capsys, monkeypatch):
    piped = subprocess.run([sys.executable, "-m", "kyivind.cli", "diff", URL, str(data_dir)], capture_output=True,
                           text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert piped.returncode == 0, piped.stderr
    lines = piped.stdout.splitlines()
    assert lines[0].startswith(f"{URL}  version 1 → 2")
    assert lines[1] == "title: Russian attacks kill [-2-]{+3+}, injure 5" and lines[2].startswith("word_count: 18 → 27")
    assert "killed [-two-]{+three+} people" in piped.stdout and "\x1b[" not in piped.stdout
    # on a real terminal (a pseudo-terminal): in colour
    import pty

    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    shown = subprocess.run([sys.executable, "-m", "kyivind.cli", "diff", "russian-attacks-kill-2", str(data_dir),
                            "--from", "1", "--to", "2"], stdout=follower, stderr=subprocess.PIPE, cwd=ROOT,
                           env={**env, "PYTHONPATH": str(ROOT)}, timeout=60)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: all was read
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    assert shown.returncode == 0, shown.stderr
    assert "\x1b[31;9mtwo\x1b[0m\x1b[32mthree\x1b[0m" in out.decode()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli(["diff", "russian-attacks-kill-2", str(data_dir)]) == 0
    assert "[-two-]{+three+}" in capsys.readouterr().out, "NO_COLOR: plain on a terminal too"


@pytest.mark.parametrize("args, message", [
    (["https://kyivindependent.com/nowhere/"], "no article"),
    ([URL, "--to", "5"], "has versions 1, 2"),
    (["https://kyivindependent.com/other/", "--to", "2"], "has one version (1); no version 2"),
    ([URL, "--to", "1"], "has versions 1, 2; version 1 is its first: there is no version before it to diff from"),
    ([URL, "--from", "2", "--to", "1"], "has versions 1, 2; --from 2 is not older than --to 1"),
])
def test_kyivind_diff_exits_2_for_an_unknown_url_or_version(data_dir, capsys, args, message):
    assert cli(["diff", args[0], str(data_dir), *args[1:]]) == 2
    said = capsys.readouterr().err
    assert message in said and "None" not in said


def test_the_report_shows_edits_per_week_and_the_most_edited(data_dir, tmp_path):
    from kyivind.outputs.report import report

    write(data_dir / "feeds", "20260304T080000000000Z", THIRD)
    result = report(data_dir, tmp_path / "report", progress=False)
    assert result["edits"]["per_week"] == {"2026-03-02": 2}
    assert result["edits"]["most_edited"] == [(SECOND["title"], URL, 3)]
    assert result["edits_png"].read_bytes()[:4] == b"\x89PNG"
    assert f'<a href="{URL}">{SECOND["title"]}</a></td><td>3</td>' in result["html"].read_text()


def test_the_documented_diff_and_recipe_run_as_shown(tmp_path, monkeypatch):
    import re

    rows = [{**row, "body_text": row["body_text"].replace("<b>and</b>", "and")} for row in (FIRST, SECOND)]
    write(tmp_path / "data" / "feeds", "20260302T080000000000Z", rows[0])
    write(tmp_path / "data" / "feeds", "20260303T080000000000Z", rows[1])
    doc = (ROOT / "docs/analysing.md").read_text()
    shown = re.search(r"    \$ kyivind diff (\S+).*?\n((?:    .*\n|\n)+?)\n`kyivind diff", doc)
    expected = "\n".join(line[4:] for line in shown.group(2).rstrip("\n").splitlines())
    piped = subprocess.run([sys.executable, "-m", "kyivind.cli", "diff", shown.group(1), str(tmp_path / "data")],
                           capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert piped.stdout.rstrip("\n") == expected
    build(tmp_path / "data")
    recipe = re.search(r"```python\n(# the toll revisions.*?)```", doc, re.S).group(1)
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(recipe, scope)  # noqa: S102 (the documented recipe, run as written)
    assert [(r[0], r[2], r[3]) for r in scope["rows"]] == [(URL, "2 … two", "3 … three … Editor's note: the toll was "
                                                                           "updated.")]


# --- the diff cell opens on the first change ----------------------------------------------------------------------
LONG = ("Russian forces struck Kharkiv overnight, killing two people and injuring ten, Governor Oleh Syniehubov said "
        "on Telegram this morning.\n\nThe attack damaged a school, a kindergarten and several apartment buildings "
        "in the city center, officials said, and cut power to thousands of homes in the Saltivskyi district.\n\n"
        "Emergency workers were still clearing the rubble at noon, the State Emergency Service reported.")
APPENDED = LONG + "\n\nThe bank also revised its inflation forecast upward."


def test_an_appended_paragraph_opens_the_diff_cell():
    page = changes.as_html(changes.word_diff(LONG, APPENDED))
    lead, change = page.removeprefix('<div class="kyivind-diff">').split("<ins>", 1)
    assert "<br>" not in lead and len(lead.split()) <= changes.LEAD_WORDS + 1, "a lead-in of one short line"
    assert lead.startswith("… ") and lead.endswith("reported.")
    assert change == "<br>The bank also revised its inflation forecast upward.</ins></div>", \
        "the new paragraph on the next line, not after a blank one"
    assert "<br><br>" not in changes.as_html(changes.word_diff(LONG, LONG.replace("ten", "12"))), \
        "a paragraph break is one line break"
    first = changes.as_html(changes.word_diff(LONG, "Breaking: " + LONG))
    assert first.startswith('<div class="kyivind-diff"><ins>Breaking: </ins>Russian forces'), "no lead-in to cut"


def test_the_first_change_is_in_the_collapsed_cell_as_drawn(tmp_path):
    """Drawn with the project's CSS in Datasette's narrowest diff column: the first change is inside the
    three lines the cell shows before it is scrolled."""
    css = (ROOT / "kyivind" / "outputs" / "static" / "kyivind.css").read_text()
    cells = "".join(f'<tr><td class="col-diff_html">{changes.as_html(changes.word_diff(before, after))}</td></tr>'
                    for before, after in ((LONG, APPENDED), (LONG, LONG.replace("Emergency", "Rescue")),
                                          (LONG + "\n\n" + LONG, LONG + "\n\n" + LONG + "\n\nOne more line.")))
    (tmp_path / "cell.html").write_text(f'<html><head><style>{css} td {{ width: 28em; }}</style></head><body>'
                                        f'<table class="rows-and-columns">{cells}</table></body></html>')
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto((tmp_path / "cell.html").as_uri())
        seen = page.evaluate("""() => [...document.querySelectorAll('.kyivind-diff')].map(cell => {
            const box = cell.getBoundingClientRect(), change = cell.querySelector('ins, del');
            const walker = document.createTreeWalker(change, NodeFilter.SHOW_TEXT);
            let node = walker.nextNode();
            while (node && !node.data.trim()) node = walker.nextNode();
            const range = document.createRange(), at = node.data.search(/\\S/);
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            const first = range.getBoundingClientRect();  // the change's first letter
            return [box.top, box.bottom, getComputedStyle(cell).maxHeight, first.top, first.bottom];
        })""")
    assert len(seen) == 3
    assert all(max_height != "none" for _, _, max_height, _, _ in seen), "the cell is a few lines high"
    for top, bottom, _, change_top, change_bottom in seen:
        assert top <= change_top and change_bottom <= bottom + 0.5, "the first change shows without scrolling"
