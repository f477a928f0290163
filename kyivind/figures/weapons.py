"""One table of weapons: the names and spellings the News Feed uses, each with its class. It serves twice: to
count (what a number before a weapon's name counts) and to keep a model's designator from being read as a
count ("Shahed-136" is no 136 drones, "S-300" no 300 missiles, "Tu-95" no 95 of anything).

Classes are those of the labelling rules (tests/figures/real/LABELLING.md) and of the Air Force's own reports:
drones are attack and reconnaissance UAVs, missiles every missile (cruise, ballistic, Kinzhal, S-300 used
against ground targets), guided bombs neither; aircraft and artillery are named only so that their designators
are no counts. Sources: the Air Force's reports as the News Feed quotes them and the companion table of the
public missile-attacks dataset (``missiles_and_uav.csv``: model, category).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DRONE, MISSILE, BOMB, AIRCRAFT, ARTILLERY = "drone", "missile", "guided_bomb", "aircraft", "artillery"
COUNTED = (DRONE, MISSILE, BOMB)  # classes that air_attacks rows count


@dataclass(frozen=True)
class Weapon:
    name: str  # the name a row gives
    kind: str  # its class
    spellings: str  # a regular expression of its names (no groups)


# name | class | spellings (a regex, case-insensitive, matched as a whole word)
TABLE = [
    Weapon("Shahed", DRONE, r"Shahed(?:s|-type|-1\d\d(?:/1\d\d)?(?:-type)?)?|Geran(?:-[123])?s?|Shahed-type"),
    Weapon("Gerbera", DRONE, r"Gerberas?(?:-type)?"),
    Weapon("Lancet", DRONE, r"Lancets?(?:-3)?"),
    Weapon("Orlan-10", DRONE, r"Orlan(?:-10|-30)?s?"),
    Weapon("Zala", DRONE, r"Zala(?:\s+Lancet)?"),
    Weapon("Supercam", DRONE, r"Supercam"),
    Weapon("Merlin", DRONE, r"Merlin(?:-VR)?"),
    Weapon("Mohajer", DRONE, r"Mohajer(?:-6)?"),
    Weapon("decoy", DRONE, r"decoys?|imitator|imitation|Gerbera decoys?"),
    Weapon("Kh-101", MISSILE, r"(?:Kh|X|Х)-101(?:/555(?:/55)?)?|(?:Kh|X)-555(?:/55)?|(?:Kh|X)-55"),
    Weapon("Kh-59/69", MISSILE, r"(?:Kh|X)-59(?:M|MK|MK2)?(?:/69)?|(?:Kh|X)-69"),
    Weapon("Kh-22", MISSILE, r"(?:Kh|X)-22|(?:Kh|X)-32"),
    Weapon("Kh-31P", MISSILE, r"(?:Kh|X)-31P?"),
    Weapon("Kh-35", MISSILE, r"(?:Kh|X)-35U?"),
    Weapon("Kh-47M2 Kinzhal", MISSILE, r"(?:Kh|X)-47(?:M2)?|Kinzhals?"),
    Weapon("Kalibr", MISSILE, r"Kalibrs?"),
    Weapon("Iskander-M", MISSILE, r"Iskander-M(?:/KN-23)?|KN-23|KN-24"),
    Weapon("Iskander-K", MISSILE, r"Iskander-K"),
    Weapon("Iskander", MISSILE, r"Iskanders?"),
    Weapon("S-300/S-400", MISSILE, r"S-300|S-400|S-300/400|S-300/S-400"),
    Weapon("Oniks", MISSILE, r"Oniks|Onyx|P-800"),
    Weapon("Zircon", MISSILE, r"Zircons?|Tsirkon"),
    Weapon("Tochka-U", MISSILE, r"Tochka(?:-U)?"),
    Weapon("guided bomb", BOMB, r"KABs?(?:-\d+)?|FAB-\d+|UMPK|glide bombs?|guided (?:aerial |air )?bombs?"),
    Weapon("aircraft", AIRCRAFT, r"(?:Tu|Su|MiG|Mi|Ka|Il|An|Yak|Be|A)-\d+\w*|F-16s?|Mirage(?:\s+2000)?"),
    Weapon("artillery", ARTILLERY, r"\d+\s?mm|\d+-mm|BM-\d+|Grad|Uragan|Smerch|Tornado(?:-S)?|HIMARS|M\d{3}\w*|"
                                   r"TOS-\d\w*"),
]

_NAMES = [(re.compile(r"(?<![\w-])(?:" + w.spellings + r")(?![\w])", re.I), w) for w in TABLE]
# any designator: letters, a hyphen and digits ("Su-25", "Mi-8", "BM-21", "Shahed-136/131"), or digits glued to
# letters ("Tu-95MS", "155mm"); the digits in it are never a count
DESIGNATOR = re.compile(r"(?<![\w-])[A-Za-zА-я]{1,10}-\d+(?:[A-Za-z]\w*)?(?:/\d+[A-Za-z]*)*(?!\w)|"
                        r"(?<![\w-])\d+(?:mm|-mm)\b")
_SHOWN = {w.name: w for w in TABLE}


def named(text: str) -> Weapon | None:
    """The first weapon of the table ``text`` names, or None."""
    best = None
    for pattern, weapon in _NAMES:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), weapon)
    return best[1] if best else None


def by_name(name: str) -> Weapon:
    return _SHOWN[name]


def designators(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every designator in ``text``: the numbers inside are no counts."""
    return [m.span() for m in DESIGNATOR.finditer(text)]
