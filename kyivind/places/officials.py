"""The regional officials the News Feed quotes, with the region each speaks for: a statement attributed to one
("Governor Prokudin said 13 were injured", "Filashkin said") is of that official's region when the sentence names
none. Governors (heads of the regional military administrations) and city heads of 2022–2025, from their
regions' own announcements as the News Feed reports them; a surname two regions' officials share is left out.
Pure data and one lookup; linear in the text.
"""

from __future__ import annotations

import functools
import re

# surname: ISO 3166-2 code of the region the official speaks for
OFFICIALS = {
    # Donetsk Oblast
    "Filashkin": "UA-14", "Kyrylenko": "UA-14", "Moroz": "UA-14",
    # Kharkiv Oblast and the city of Kharkiv
    "Syniehubov": "UA-63", "Terekhov": "UA-63",
    # Kherson Oblast
    "Prokudin": "UA-65", "Yanushevych": "UA-65", "Mrochko": "UA-65",
    # Zaporizhzhia Oblast
    "Fedorov": "UA-23", "Malashko": "UA-23", "Starukh": "UA-23", "Kurtiev": "UA-23",
    # Dnipropetrovsk Oblast, Dnipro and Kryvyi Rih
    "Lysak": "UA-12", "Hanzha": "UA-12", "Reznichenko": "UA-12", "Vilkul": "UA-12", "Filatov": "UA-12",
    # Mykolaiv Oblast
    "Kim": "UA-48", "Senkevych": "UA-48",
    # Odesa Oblast
    "Kiper": "UA-51", "Marchenko": "UA-51", "Lysenko": "UA-51",
    # Sumy Oblast
    "Artiukh": "UA-59", "Zhyvytskyi": "UA-59", "Hryhorov": "UA-59",
    # Luhansk Oblast
    "Lysohor": "UA-09", "Haidai": "UA-09",
    # Chernihiv Oblast
    "Chaus": "UA-74", "Bryzhynskyi": "UA-74",
    # Kyiv Oblast
    "Kalashnyk": "UA-32", "Kravchenko": "UA-32", "Kuleba": "UA-32",
    # the city of Kyiv
    "Klitschko": "UA-30", "Popko": "UA-30", "Tkachenko": "UA-30",
    # Poltava Oblast
    "Pronin": "UA-53", "Lunin": "UA-53", "Kohut": "UA-53",
    # Lviv Oblast
    "Kozytskyi": "UA-46", "Sadovyi": "UA-46",
    # Khmelnytskyi, Vinnytsia, Volyn, Rivne, Zhytomyr, Cherkasy, Kirovohrad oblasts
    "Tyurin": "UA-68", "Borzov": "UA-05", "Pohuliaiko": "UA-07", "Koval": "UA-56", "Bunechko": "UA-18",
    "Taburets": "UA-71", "Raikovych": "UA-35",
}
_SURNAME = re.compile(r"\b(" + "|".join(sorted(OFFICIALS, key=len, reverse=True)) + r")(?:'s|’s)?\b(?!\s+Jong)")


@functools.lru_cache(maxsize=256)
def official_region(text: str) -> str | None:
    """The region of the one regional official ``text`` quotes, or None (none, or officials of two regions)."""
    found = {OFFICIALS[m.group(1)] for m in _SURNAME.finditer(text)}
    return next(iter(found)) if len(found) == 1 else None
