"""The replica's content: authors and News Feed posts as Ghost holds them, and the item each post
must give. The expected items are written from this model, never from the extractor's output.

The first post is the real article of ``seed-article.txt``; the others are written for the hard cases
(several authors, the news desk, no feature image, a caption without credit, cards inside the body,
a quote and a sub-heading, a very short item).
"""

from __future__ import annotations

import copy
import hashlib
import html
from pathlib import Path

SITE = "https://kyivindependent.com"
ASSETS = "https://assets.kyivindependent.com/content/images"
CONTENT_KEY = "f19c122e3d36483beb01f3013a"

AUTHORS = {
    "volodymyr-ivanyshyn": {
        "name": "Volodymyr Ivanyshyn",
        "role": "News Editor",
        "bio": (
            "Volodymyr Ivanyshyn is a news editor for The Kyiv Independent. He is pursuing an Honors Bachelor of "
            "Arts at the University of Toronto, majoring in political science with a minor in anthropology and "
            "human geography. Volodymyr holds a Certificate in Business Fundamentals from Rotman Commerce at the "
            "University of Toronto. He previously completed an internship with The Kyiv Independent."
        ),
    },
    "kateryna-denisova": {
        "name": "Kateryna Denisova",
        "role": "News Editor",
        "bio": (
            "Kateryna Denisova works as a News Editor at The Kyiv Independent. She previously worked at the "
            "NV media outlet, covering mainly political news. She is the author of a series of podcasts on the "
            "history of Ukraine."
        ),
    },
    "olena-goncharova": {
        "name": "Olena Goncharova",
        "role": "Head of North America desk",
        "bio": (
            "Olena Goncharova is the head of the North America desk at The Kyiv Independent, based in Canada. "
            "She joined the team in 2021 after covering Ukrainian politics for a decade."
        ),
    },
    "thekyivindependent": {
        "name": "The Kyiv Independent news desk",
        "role": None,
        "bio": (
            "We are the news desk of The Kyiv Independent, the team of editors and reporters behind the News "
            "Feed. We report on Russia's war against Ukraine around the clock."
        ),
    },
    "martin-fornusek": {
        "name": "Martin Fornusek",
        "role": "Reporter",
        "bio": (
            "Martin Fornusek is a reporter for The Kyiv Independent. He holds a master's degree in international "
            "relations from Charles University in Prague."
        ),
    },
}
for _slug, _author in AUTHORS.items():
    _author["slug"] = _slug
    _author["profile_image"] = f"{ASSETS}/2024/01/{_slug}.jpg"


def _seed_body() -> list:
    text = (Path(__file__).with_name("seed-article.txt")).read_text(encoding="utf-8")
    start = text.index("Ukraine is working on a previously")
    end = text.index("Top commander")
    paragraphs = [p.strip() for p in text[start:end].split("\n\n") if p.strip()]
    return [("p", p) for p in paragraphs]


def _tags(*names: str) -> list[dict]:
    return [{"name": n, "slug": n.lower().replace(" ", "-")} for n in names]


POSTS = [
    {
        "slug": "ukraine-working-on-1-000-for-1-000-prisoner-exchange-with-russia-zelensky-says",
        "title": "Ukraine working on 1,000-for-1,000 prisoner exchange with Russia, Zelensky says",
        "custom_excerpt": "Ukraine is working on a previously agreed-upon 1,000-for-1,000 prisoner exchange with Russia, President Volodymyr Zelensky said on May 21.",
        "published_at": "2025-05-21T20:41:00.000Z",
        "updated_at": "2025-05-21T21:02:13.000Z",
        "tags": _tags("News Feed", "Ukraine", "Prisoner exchange"),
        "authors": ["volodymyr-ivanyshyn"],
        "feature_image": f"{ASSETS}/2025/05/GettyImages-1669045035.jpg",
        "feature_image_caption": 'Ex-prisoner soldiers of the 1st Separate Assault Battalion "Da Vinci" at a training ground in Donetsk Oblast on Sept. 12, 2023. <span>(Francis Farrell/The Kyiv Independent)</span>',
        "blocks": _seed_body(),
        "reading_time": 2,
    },
    {
        "slug": "zelensky-meets-trump-in-washington-as-talks-on-security-guarantees-continue",
        "title": "Zelensky meets Trump in Washington as talks on security guarantees continue",
        "custom_excerpt": "President Volodymyr Zelensky met U.S. President Donald Trump at the White House on Nov. 20.",
        "published_at": "2025-11-20T18:05:00.000Z",
        "updated_at": "2025-11-20T19:30:00.000Z",
        "tags": _tags("News Feed", "United States", "Politics"),
        "authors": ["kateryna-denisova", "olena-goncharova"],
        "feature_image": f"{ASSETS}/2025/11/zelensky-trump.jpg",
        "feature_image_caption": "President Volodymyr Zelensky and U.S. President Donald Trump at the White House in Washington, D.C., on Nov. 20, 2025. (Office of the President of Ukraine)",
        "blocks": [
            ("p", "President Volodymyr Zelensky met U.S. President Donald Trump at the White House on Nov. 20, as the two sides continued talks on security guarantees for Ukraine."),
            ("p", "The meeting lasted more than two hours, according to the Presidential Office. It was the third meeting between the two leaders this year."),
            ("plink", ["The talks followed ", ("a visit to Kyiv", f"{SITE}/us-envoy-visits-kyiv/"), " by a U.S. envoy, ",
                       ("Ukrinform", "https://www.ukrinform.net/rubric-polytics/4054321-talks.html"), " reported, citing the ",
                       ("General Staff", "https://t.me/GeneralStaffZSU/12345"), "."]),
            ("bookmark", {"href": f"{SITE}/what-we-know-about-the-security-guarantees/", "title": "What we know about the security guarantees", "description": "The Kyiv Independent explains the proposals on the table."}),
            ("h2", "What the leaders said"),
            ("blockquote", "We discussed air defense, sanctions and the path to a just peace. Ukraine is ready for every step that brings peace closer."),
            ("p", "Zelensky said after the meeting that the talks had been constructive and that both teams would continue work in the coming days."),
            ("tweet", {"text": "Productive meeting with President Trump at the White House today.", "handle": "ZelenskyyUa", "status": "1991234567890123456"}),
            ("cta", "Become a member and support independent journalism from Ukraine. Quality journalism takes work — and a community that cares."),
            ("h3", "Reaction in Kyiv"),
            ("p", "Members of parliament in Kyiv welcomed the meeting, while cautioning that no agreement on guarantees had yet been signed."),
        ],
        "reading_time": 1,
    },
    {
        "slug": "russian-drone-attack-on-kharkiv-injures-7",
        "title": "Russian drone attack on Kharkiv injures 7",
        "custom_excerpt": "Seven people were injured in an overnight Russian drone attack on Kharkiv.",
        "published_at": "2025-11-19T06:12:00.000Z",
        "updated_at": "2025-11-19T06:12:00.000Z",
        "tags": _tags("News Feed", "Kharkiv"),
        "authors": ["thekyivindependent"],
        "feature_image": None,
        "feature_image_caption": None,
        "blocks": [
            ("p", "Seven people were injured in an overnight Russian drone attack on Kharkiv, Mayor Ihor Terekhov said on Nov. 19."),
            ("p", "The drones hit a residential area in the city's Kyivskyi district, damaging several apartment buildings and cars."),
        ],
        "reading_time": 1,
    },
    {
        "slug": "ukraine-receives-new-batch-of-f-16-fighter-jets",
        "title": "Ukraine receives new batch of F-16 fighter jets",
        "custom_excerpt": "Ukraine has received a new batch of F-16 fighter jets from its partners, the Air Force said.",
        "published_at": "2025-11-18T14:30:00.000Z",
        "updated_at": "2025-11-18T15:00:00.000Z",
        "tags": _tags("News Feed", "Military", "F-16"),
        "authors": ["martin-fornusek"],
        "feature_image": f"{ASSETS}/2025/11/f16.jpg",
        "feature_image_caption": "An F-16 fighter jet during a demonstration flight.",
        "blocks": [
            ("p", "Ukraine has received a new batch of F-16 fighter jets from its partners, the Air Force said on Nov. 18."),
            ("p", "The number of aircraft was not disclosed for security reasons. The jets will strengthen Ukraine's air defense against Russian missiles and drones."),
            ("p", "Pilots trained in Denmark and Romania will fly the new aircraft, according to the Air Force."),
            ("youtube", "dQw4w9WgXcQ"),
            ("telegram", "kpszsu/41234"),
        ],
        "reading_time": 1,
    },
    {
        "slug": "air-raid-alert-declared-across-ukraine",
        "title": "Air raid alert declared across Ukraine",
        "custom_excerpt": None,
        "published_at": "2025-11-18T02:10:00.000Z",
        "updated_at": "2025-11-18T02:10:00.000Z",
        "tags": _tags("News Feed"),
        "authors": ["thekyivindependent"],
        "feature_image": None,
        "feature_image_caption": None,
        "blocks": [("p", "An air raid alert was declared across Ukraine early on Nov. 18 due to the threat of ballistic missiles.")],
        "reading_time": 0,
    },
    {
        "slug": "parliament-extends-martial-law-for-another-90-days",
        "title": "Parliament extends martial law for another 90 days",
        "custom_excerpt": "Ukraine's parliament voted to extend martial law and general mobilization for another 90 days.",
        "published_at": "2025-11-17T10:45:00.000Z",
        "updated_at": "2025-11-17T11:15:00.000Z",
        "tags": _tags("News Feed", "Politics", "Verkhovna Rada"),
        "authors": ["kateryna-denisova"],
        "feature_image": f"{ASSETS}/2025/11/rada.jpg",
        "feature_image_caption": "The session hall of the Verkhovna Rada in Kyiv. (Verkhovna Rada press service)",
        "blocks": [
            ("p", "Ukraine's parliament voted on Nov. 17 to extend martial law and general mobilization for another 90 days."),
            ("p", "A total of 320 lawmakers supported the extension, according to lawmaker Yaroslav Zhelezniak."),
            ("h2", "Why it matters"),
            ("p", "Martial law has been in place since Russia launched its full-scale invasion on Feb. 24, 2022, and has been extended repeatedly since."),
        ],
        "reading_time": 1,
        "legacy_path": "/national/parliament-extends-martial-law-for-another-90-days/",
    },
    {
        "slug": "eu-approves-new-sanctions-package-against-russia",
        "title": "EU approves new sanctions package against Russia",
        "custom_excerpt": "The European Union approved its 20th package of sanctions against Russia.",
        "published_at": "2025-11-16T16:20:00.000Z",
        "updated_at": "2025-11-16T17:00:00.000Z",
        "tags": _tags("News Feed", "Sanctions", "European Union"),
        "authors": ["olena-goncharova", "martin-fornusek"],
        "feature_image": f"{ASSETS}/2025/11/eu-flags.jpg",
        "feature_image_caption": "Flags of the European Union in front of the European Commission building in Brussels. (Thierry Monasse/Getty Images)",
        "blocks": [
            ("p", "The European Union approved its 20th package of sanctions against Russia on Nov. 16, targeting the shadow fleet and banks."),
            ("blockquote", "Russia must pay for its war of aggression, and we will keep up the pressure."),
            ("p", "The package adds more than 100 vessels of Russia's shadow fleet to the list of ships banned from EU ports."),
        ],
        "reading_time": 1,
        "flaky_once": True,
    },
    {
        "slug": "power-outages-hit-kyiv-oblast-after-attack-on-energy-infrastructure",
        "title": "Power outages hit Kyiv Oblast after attack on energy infrastructure",
        "custom_excerpt": "Emergency power outages were introduced in Kyiv Oblast after a Russian attack.",
        "published_at": "2025-11-15T08:00:00.000Z",
        "updated_at": "2025-11-15T08:30:00.000Z",
        "tags": _tags("News Feed", "Energy", "Kyiv Oblast"),
        "authors": ["volodymyr-ivanyshyn"],
        "feature_image": f"{ASSETS}/2025/11/outage.jpg",
        "feature_image_caption": "A street in Kyiv during a power outage on Nov. 15, 2025. (Oleg Petrasiuk/The Kyiv Independent)",
        "blocks": [
            ("p", "Emergency power outages were introduced in Kyiv Oblast on Nov. 15 after a Russian attack on energy infrastructure, Ukrenergo said."),
            ("p", "Repair crews are working to restore supply. Residents are asked to limit their use of electricity during peak hours."),
        ],
        "reading_time": 1,
    },
    {
        "slug": "ukrainian-forces-repel-assault-near-pokrovsk",
        "title": "Ukrainian forces repel assault near Pokrovsk",
        "custom_excerpt": "Ukrainian forces repelled a large Russian assault near Pokrovsk, the General Staff said.",
        "published_at": "2025-11-14T12:40:00.000Z",
        "updated_at": "2025-11-14T13:10:00.000Z",
        "tags": _tags("News Feed", "Military", "Donetsk Oblast"),
        "authors": ["martin-fornusek"],
        "feature_image": f"{ASSETS}/2025/11/pokrovsk.jpg",
        "feature_image_caption": "Ukrainian soldiers near Pokrovsk, Donetsk Oblast. (Kostiantyn Liberov/Libkos/Getty Images)",
        "blocks": [
            ("p", "Ukrainian forces repelled a large Russian assault near Pokrovsk on Nov. 14, the General Staff said."),
            ("p", "Russian troops attacked with armored vehicles and infantry, and lost several tanks, according to the report."),
            ("p", "The Kyiv Independent could not independently verify the claims."),
        ],
        "reading_time": 1,
    },
    {
        "slug": "national-bank-keeps-key-rate-unchanged",
        "title": "National Bank keeps key rate unchanged",
        "custom_excerpt": "The National Bank of Ukraine kept its key policy rate at 15.5%.",
        "published_at": "2025-11-13T11:00:00.000Z",
        "updated_at": "2025-11-13T11:00:00.000Z",
        "tags": _tags("News Feed", "Economy"),
        "authors": ["olena-goncharova"],
        "feature_image": f"{ASSETS}/2025/11/nbu.jpg",
        "feature_image_caption": "The National Bank of Ukraine building in Kyiv. (NBU)",
        "blocks": [
            ("p", "The National Bank of Ukraine kept its key policy rate at 15.5% on Nov. 13, citing persistent inflation risks."),
            ("p", "Inflation slowed to 11.2% in October, according to the State Statistics Service."),
        ],
        "reading_time": 1,
    },
    {
        "slug": "russia-launches-massive-missile-attack-on-lviv",
        "title": "Russia launches massive missile attack on Lviv",
        "custom_excerpt": "Russia launched a massive missile attack on Lviv overnight, regional governor said.",
        "published_at": "2025-11-12T04:30:00.000Z",
        "updated_at": "2025-11-12T05:45:00.000Z",
        "tags": _tags("News Feed", "Lviv", "Missile attack"),
        "authors": ["kateryna-denisova", "thekyivindependent"],
        "feature_image": f"{ASSETS}/2025/11/lviv.jpg",
        "feature_image_caption": "Firefighters work at the site of a Russian missile strike in Lviv on Nov. 12, 2025. (State Emergency Service)",
        "blocks": [
            ("p", "Russia launched a massive missile attack on Lviv overnight on Nov. 12, Lviv Oblast Governor Maksym Kozytskyi said."),
            ("p", "Air defense shot down most of the missiles. Debris damaged a school and several houses."),
            ("p", "There were no immediate reports of casualties."),
        ],
        "reading_time": 1,
    },
    {
        "slug": "grain-exports-through-black-sea-corridor-reach-record",
        "title": "Grain exports through Black Sea corridor reach record",
        "custom_excerpt": "Ukraine's grain exports through its Black Sea corridor reached a monthly record.",
        "published_at": "2025-11-11T09:15:00.000Z",
        "updated_at": "2025-11-11T09:15:00.000Z",
        "tags": _tags("News Feed", "Economy", "Agriculture"),
        "authors": ["volodymyr-ivanyshyn"],
        "feature_image": f"{ASSETS}/2025/11/grain.jpg",
        "feature_image_caption": "A cargo ship loaded with grain in the port of Odesa. (Oleksandr Gimanov/AFP via Getty Images)",
        "blocks": [
            ("p", "Ukraine's grain exports through its Black Sea corridor reached a monthly record in October, the Infrastructure Ministry said on Nov. 11."),
            ("p", "More than 6 million tons of agricultural products were shipped from the ports of Odesa Oblast."),
        ],
        "reading_time": 1,
    },
]

PAGE_SIZE = 5
MISSING_SLUG = "deleted-story-that-answers-404"  # a listing card whose article answers 404


def posts() -> list[dict]:
    """A fresh copy of the posts, newest first, so a test may edit or add posts freely."""
    return sorted(copy.deepcopy(POSTS), key=lambda p: p["published_at"], reverse=True)


# --- what a post's parts look like as Ghost HTML ---------------------------------------------------------
# The site some hours later (``python -m tests.replica.server --later``): one article edited (its toll rose), one
# new article, one taken down (its page answers 404): what versions, `kyivind diff`, the changes table and the
# Atom feed show.
LATER_EDITED = "russian-drone-attack-on-kharkiv-injures-7"
LATER_REMOVED = "air-raid-alert-declared-across-ukraine"
LATER_NEW = {
    "slug": "russian-strike-on-odesa-port-damages-grain-terminal",
    "title": "Russian strike on Odesa port damages grain terminal",
    "custom_excerpt": "A Russian missile strike hit a grain terminal in the port of Odesa overnight.",
    "published_at": "2025-11-21T05:40:00.000Z",
    "updated_at": "2025-11-21T05:40:00.000Z",
    "tags": _tags("News Feed", "Odesa"),
    "authors": ["thekyivindependent"],
    "feature_image": None,
    "feature_image_caption": None,
    "blocks": [
        ("p", "A Russian missile struck a grain terminal in the port of Odesa overnight on Nov. 21, Governor Oleh "
              "Kiper said."),
        ("p", "Two port workers were injured and a storage building caught fire, which rescuers put out by morning."),
    ],
    "reading_time": 1,
}


def later_posts() -> list[dict]:
    """The posts some hours later: the Kharkiv toll updated (title and body), a new article on Odesa, the air
    raid alert taken down."""
    later = [p for p in posts() if p["slug"] != LATER_REMOVED] + [copy.deepcopy(LATER_NEW)]
    edited = next(p for p in later if p["slug"] == LATER_EDITED)
    edited["title"] = "Russian drone attack on Kharkiv injures 9"
    edited["custom_excerpt"] = "Nine people were injured in an overnight Russian drone attack on Kharkiv."
    edited["updated_at"] = "2025-11-21T07:15:00.000Z"  # saved after every other post, as an edit is
    edited["blocks"] = [
        ("p", "Nine people were injured in an overnight Russian drone attack on Kharkiv, Mayor Ihor Terekhov said on "
              "Nov. 19, updating an earlier toll of seven."),
        edited["blocks"][1],
        ("p", "A drone also damaged a school in the city's Saltivskyi district."),
    ]
    return sorted(later, key=lambda p: p["published_at"], reverse=True)


def block_html(kind: str, value) -> str:
    if kind in ("p", "h2", "h3"):
        return f"<{kind}>{html.escape(value, quote=False)}</{kind}>"
    if kind == "blockquote":
        return f"<blockquote>{html.escape(value, quote=False)}</blockquote>"
    if kind == "bookmark":
        return (
            '<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="{href}">'
            '<div class="kg-bookmark-content"><div class="kg-bookmark-title">{title}</div>'
            '<div class="kg-bookmark-description">{description}</div><div class="kg-bookmark-metadata">'
            '<span class="kg-bookmark-author">The Kyiv Independent</span></div></div></a></figure>'
        ).format(**{k: html.escape(v) for k, v in value.items()})
    if kind == "tweet":
        return (
            '<figure class="kg-card kg-embed-card"><blockquote class="twitter-tweet"><p lang="en" dir="ltr">{text}</p>'
            '&mdash; Volodymyr Zelenskyy (@{handle}) <a href="https://twitter.com/{handle}/status/{status}">Nov 20, 2025</a>'
            '</blockquote><script async src="https://platform.twitter.com/widgets.js"></script></figure>'
        ).format(**{k: html.escape(v) for k, v in value.items()})
    if kind == "plink":
        return "<p>" + "".join(html.escape(part, quote=False) if isinstance(part, str) else
                               f'<a href="{html.escape(part[1])}">{html.escape(part[0], quote=False)}</a>' for part in value) + "</p>"
    if kind == "youtube":
        return (f'<figure class="kg-card kg-embed-card"><iframe width="200" height="113" src="https://www.youtube.com/embed/{value}'
                '?feature=oembed" frameborder="0" allowfullscreen title="Air Force briefing"></iframe></figure>')
    if kind == "telegram":
        return ('<figure class="kg-card kg-embed-card"><script async src="https://telegram.org/js/telegram-widget.js?22" '
                f'data-telegram-post="{value}" data-width="100%"></script></figure>')
    if kind == "cta":
        return (
            '<div class="kg-card kg-cta-card kg-cta-bg-grey"><div class="kg-cta-content"><div class="kg-cta-text">'
            f'<p>{html.escape(value, quote=False)}</p></div><a href="{SITE}/membership/" class="kg-cta-button">'
            "Become a member</a></div></div>"
        )
    raise ValueError(kind)


def post_html(post: dict) -> str:
    return "\n".join(block_html(kind, value) for kind, value in post["blocks"])


def _block_text(kind: str, value) -> str:
    return "".join(part if isinstance(part, str) else part[0] for part in value) if kind == "plink" else value


def body_text(post: dict) -> str:
    return "\n\n".join(_block_text(kind, value) for kind, value in post["blocks"]
                       if kind in ("p", "plink", "h2", "h3", "blockquote"))


def links(post: dict) -> list[dict]:
    """The body's links, as items carry them."""
    from urllib.parse import urlsplit

    found = [part for kind, value in post["blocks"] if kind == "plink" for part in value if not isinstance(part, str)]
    return [{"url": url, "text": text, "domain": urlsplit(url).hostname.removeprefix("www.")} for text, url in found]


def embeds(post: dict, theme: str) -> list[dict]:
    """The embeds, as items carry them; a theme without Ghost's card markup shows a bookmark as a plain link box."""
    out = []
    for kind, value in post["blocks"]:
        if kind == "bookmark" and theme != "bare":
            out.append({"kind": "bookmark", "url": value["href"]})
        elif kind == "tweet":
            out.append({"kind": "x", "url": f"https://twitter.com/{value['handle']}/status/{value['status']}"})
        elif kind == "youtube":
            out.append({"kind": "youtube", "url": f"https://www.youtube.com/embed/{value}?feature=oembed"})
        elif kind == "telegram":
            out.append({"kind": "telegram", "url": f"https://t.me/{value}"})
    return out


def caption_parts(post: dict) -> tuple[str | None, str | None]:
    raw = post.get("feature_image_caption")
    if not raw:
        return None, None
    import re

    text = re.sub(r"<[^>]+>", "", raw)
    match = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", text)
    return (match.group(1), match.group(2)) if match else (text, None)


def ghost_reading_time(post: dict) -> int:
    """What a Ghost theme prints: Ghost's reading_time, never below 1."""
    return max(1, post["reading_time"])


def words(post: dict) -> int:
    return len(body_text(post).split())


def expected_item(post: dict, theme: str) -> dict:
    """The item the crawler must produce for ``post`` served in ``theme`` (all fields but ``fetched_at`` and
    ``capture``, which name the run)."""
    caption, credit = caption_parts(post)
    body = body_text(post)
    reading = post["reading_time"] if theme in ("next", "bare", "api", "plain") else ghost_reading_time(post)
    return {
        "url": f"{SITE}/{post['slug']}/",
        "slug": post["slug"],
        "title": post["title"],
        "description": excerpt(post),
        "published_at": post["published_at"].replace(".000Z", "+00:00"),
        # the bare and plain themes show no modified time: the crawl takes the sitemap's lastmod
        "modified_at": post["updated_at"].replace(".000Z", "+00:00"),
        "primary_tag": post["tags"][0]["name"],
        "tags": [t["name"] for t in post["tags"]],
        "authors": [
            {
                "name": AUTHORS[s]["name"], "slug": s, "url": f"{SITE}/author/{s}/", "role": AUTHORS[s]["role"],
                "bio": AUTHORS[s]["bio"], "image_url": AUTHORS[s]["profile_image"],
            }
            for s in post["authors"]
        ],
        "image": {"url": post["feature_image"], "caption": caption, "credit": credit} if post["feature_image"] else None,
        "body_text": body,
        "links": links(post),
        "embeds": embeds(post, theme),
        "word_count": len(body.split()),
        "reading_time_min": reading,
        "language": "en",
        "content_hash": hashlib.sha256(f"{post['title']}\n\n{body}".encode()).hexdigest(),
        "version": 1,
    }


def excerpt(post: dict) -> str:
    """Ghost's fallback excerpt when a post has no custom one."""
    return post["custom_excerpt"] or body_text(post)[:200]


def many_posts(count: int) -> list[dict]:
    base = posts()
    out = []
    for i in range(count):
        post = copy.deepcopy(base[i % len(base)])
        if i >= len(base):
            post["slug"] = f"{post['slug']}-{i}"
            post["title"] = f"{post['title']} ({i})"
            post.pop("legacy_path", None)
            post.pop("flaky_once", None)
            day = 1 + i % 28
            post["published_at"] = f"2024-{1 + (i // 28) % 12:02d}-{day:02d}T10:{i % 60:02d}:00.000Z"
            post["updated_at"] = post["published_at"]
        out.append(post)
    return out


__all__ = ["AUTHORS", "CONTENT_KEY", "MISSING_SLUG", "PAGE_SIZE", "SITE", "block_html", "body_text",
           "caption_parts", "excerpt", "expected_item", "ghost_reading_time", "many_posts", "post_html", "posts", "words"]
