"""Stage four of the reader: the attack a sentence is about. An item reports one attack (or one night, or one
day's roundup); its sentences also tell of others: the previous night ("A night earlier, forces downed 18 of 25
drones"), an earlier strike ("a day earlier", "on Monday", "in October", "On Aug. 21, …"), a period ("over the past
week", "since Monday", "this year"), a correction ("an earlier version of this story said …"), a hypothetical
("could have killed 10,000"), combatants ("its forces killed 300 militants"), history ("in 1941"). Those figures
are left out of the item's rows, except an update of an earlier attack ("the death toll of Russia's July 3 attack
on Dnipro rose to 8"): that is the attack's current toll, counted for the attack's own day.

``dates`` reads the dates a sentence names (a date after "said on" is the report's, not the attack's; "overnight on
Dec. 30-31" is one night, which meets Dec. 31 and not the day of Dec. 30; the morning and the evening of one date are
two attacks); ``Scope`` decides, sentence by sentence, against the item's own attack day, and ``Scope.elsewhen`` dates
one count ("32 drones launched on Oct. 1, 105 on Oct. 2"). Pure functions; linear.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from kyivind.figures.text import MAX_SENTENCE, MONTH, Quick, day_of, has_any

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATE = re.compile(r"\b(?P<lead>(?i:(?:overnight|late|early)\s+(?:on\s+)?|(?:on\s+)?the\s+(?:night|evening|morning|"
                   r"afternoon)\s+of\s+|during\s+the\s+day\s+on\s+|on\s+|night\s+(?:of|to|into)\s+|by\s+))?" + MONTH +
                   r"\s+(?P<day>\d{1,2})(?:\s*[-–]\s*(?P<day2>\d{1,2}))?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?")
_REPORT = re.compile(r"(?:\bsaid|\bsays|\breported|\breports|\bwrote|\bannounced|\badded|\bstated|\bposted|\bconfirmed|"
                     r"\bclaimed|\bupdate|\bupdated|\baddress|\bstatement|\btold\s+\w+|\bas of|\bbriefing|"
                     r"\bTelegram|\bpublished|\breport)\W+(?:\w+\W+){0,6}?$", re.I)
_OPENING = re.compile(r"\s*(?:(?:On|In|Late\s+on|Early\s+on)\s+(?:the\s+)?(?:(?:morning|evening|afternoon|early\s+hours)\s+"
                      r"of\s+)?)?", re.I)  # a date that opens the sentence: "On the morning of Jan. 14, …"
_LAST_NIGHT = re.compile(r"\blast\s+night\b", re.I)
_SAID_AFTER = re.compile(r",\s+(?:[\w'’.-]+\s+){1,6}?(?:said|says|reported|announced|wrote|stated|confirmed)\b")
_TOLD_ATTACK = re.compile(r"\b(?:attacks?|strikes?|struck|shelling|shelled|bombing|bombed|airstrikes?)\b", re.I)
# "Russian forces shelled … Kherson as of 1 p.m. local time on June 16": the day of the attack told, not of a saying
_SHELLED_AS_OF = re.compile(r"\b(?:shelled|struck|attacked|hit|pounded|bombarded|targeted|bombed)\b(?![^.;]{0,160}?\btoll\b)"
                            r"[^.;]{0,120}?\bas\s+of\b", re.I)
_WHOLE_DAY = re.compile(r"^(?:Over|During|Throughout)\s+the\s+(?:day|past\s+(?:day|24\s+hours))\b|\b(?:over|in)\s+the\s+"
                        r"(?:past|previous|last)\s+24\s+hours\b", re.I)
_EARLIER_THAT_DAY = re.compile(r"(?:Earlier|Later)\s+(?:that|in\s+the)\s+day\b")
# a title of an attack on a day: "Sumy Oblast hit 13 times by Russian forces on Oct. 11"
# (of one place: not "Russian attacks strike 6 regions on April 1", whose body tells the night to April 2 too)
_TITLE_HIT_ON = re.compile(r"\b(?:hit|hits|struck|strikes|shelled|shells|attacked|attacks)\b(?![^.;:]{0,80}?\b(?:regions|oblasts|"
                           r"cities|across)\b)[^.;:]{0,80}?\bon\s+" + MONTH + r"\.?\s+\d{1,2}\b", re.I)
# "said two more people were injured on June 2": the day of the casualties told, not of the saying
_TOLD_HURT = re.compile(r"\b(?:killed|injured|wounded|hurt|died)\b", re.I)
_ATTACK_OF = re.compile(r"(?:'s|\bthe)\s+$")  # "Russia's July 3 attack", "the Dec. 29 strike"
_ATTACK_NOUN = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:attack|strike|missile|drone|bombing|shelling|assault|raid)", re.I)
_SOME = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|few)"  # "the past 3 days", "the past two weeks"
_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_WORD = MONTH.replace("?P<month>", "?:")  # a month as written, whole or cut short ("Nov.", "September")
# another time than the item's attack, told by words (no date needed)
# another time than the item's attack, told by words (no date needed): (the substrings, lower case, one of which
# each pattern needs; the pattern)
_OTHER = [(hints, re.compile(pattern, re.I)) for hints, pattern in (
    (("earlier", "before", "prior"), r"\b(?:a|one|two|three|several)\s+(?:day|night|days|nights|week|weeks)\s+"
                                     r"(?:earlier|before|prior)\b|(?<!overnight and )\bthe\s+(?:day|night|evening|week)\s+before\b"),
    # "The strike came one day after Russia's largest attack, which killed more than 40": that attack's figures
    (("came ", "comes ", "took place", "happened", "followed"), r"\b(?:came|comes|took\s+place|happened|followed)\s+(?:just\s+|only\s+)?(?:(?:a|one|two|three|four|five|"
                 r"several|a\s+few|\d+)\s+)?(?:days?|nights?|hours?|weeks?)\s+after\b"),
    # "Earlier the same day, Russia had struck Kharkiv …" (not "Earlier, the governor said …": a report of this one)
    (("earlier", "previously"), r"^(?:Earlier|Previously)(?!\s+(?:that|in\s+the|the\s+same)\s+night\b)(?:,|\s+(?:that|the\s+same|on|in)\s[^,]{0,40},)\s+"
                                r"(?![^.;]{0,50}?\b(?:said|says|reported|stated|wrote|announced|confirmed)\b)"),
    (("previous",), r"(?<!overnight and )\bthe\s+previous\s+(?:day|night|evening|week|month|attack|strike)\b"),
    (("most recent", "prior"), r"\b(?:most\s+recent|prior)\s+(?:[\w-]+\s+){0,3}?(?:attack|strike|assault|barrage)\b"),
    (("this", "that", "last", "whole", "so far"),
     r"\b(?:earlier|later)\s+(?:this|that|last)\s+(?:week|month|year)\b|\blast\s+(?:week|month|year|night|summer|"
     r"winter|spring|autumn|fall|weekend|Christmas|Easter|New\s+Year(?:['’]s)?(?:\s+Eve)?|" + _MONTHS + r")\b|\b(?:this|the\s+whole|that)\s+(?:year|month)\b|\bso\s+far\s+this\b"),
    (("past", "last"), r"\bover\s+(?:the\s+)?(?:past|last)\s+(?:week|month|" + _SOME + r"\s+(?:days|nights|weeks|months))\b|"
                       r"\bin\s+(?:the\s+)?(?:past|last)\s+(?:week|month|year|" + _SOME + r"\s+(?:days|nights|weeks|months))\b"),
    (("since",), r"\bsince\s+(?:(?:the\s+)?(?:start|beginning)|February|Feb\.|(?:19|20)\d\d|the\s+full-scale|" + _DAYS +
                 r"|early|mid|late|January|March|April|May|June|July|August|September|October|November|December|"
                 r"Jan\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|then|last)(?!\w)|"
                 r"\bsince\s+(?:[\w'’-]+\s+){0,3}?(?:invasion|war)\b|"
                 r"\bsince\s+(?:Russia|Russian\s+forces|Moscow|the\s+Russians|they|it)\s+(?:began|started|first|launched)\b|"
                 # "have shot down 15 Kinzhal missiles since they were first used in May"
                 r"\bsince\s+(?:they|it|these|the\s+[\w-]+)\s+(?:were|was)\s+first\b|"
                 # "since the city was liberated", "since its liberation"
                 r"\bsince\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:was|were|had\s+been)\s+(?:liberated|occupied|de-occupied|"
                 r"retaken|recaptured|captured)\b|\bsince\s+(?:its|their|the)\s+(?:liberation|de-occupation|occupation)\b"),
    # "The number of civilians killed in Donetsk Oblast has so far reached at least 884": a tally
    (("so far",), r"\b(?:has|have)\s+so\s+far\s+(?:reached|risen\s+to|climbed\s+to|totaled|totalled|exceeded)\b"),
    (("hrmmu", "ohchr", "un's", "un ", "united nations"),
     r"\b(?:HRMMU|OHCHR|UN's\s+count|UN\s+(?:human\s+rights|monitoring)|United\s+Nations\s+Human\s+Rights)\b"),
    # "the war has claimed", "Russia's full-scale invasion has killed 485 children", "the invasion killed 106 medics"
    (("war", "invasion"), r"\bwar\s+(?:[\w']+\s+){0,4}?(?:has|had)\s+(?:killed|injured|wounded|claimed)\b|"
                          r"\binvasion\s+(?:of\s+Ukraine\s+)?(?:(?:has|had)\s+)?(?:killed|injured|wounded|claimed)\b|"
                          # "killed … in Russia's full-scale war against Ukraine", "killed as a result of Russia's full-scale
                          # invasion", "killed by Russia's war in Kharkiv Oblast": a war's tally
                          r"\b(?:in|by|during)\s+(?:Russia['’]s\s+|the\s+)?(?:full-scale\s+|all-out\s+)?(?:war|invasion)\s+"
                          r"(?:against|on|of|in)\s+(?:Ukraine|[A-Z][\w'’-]+\s+Oblast)\b|\b(?:in|by)\s+Russia['’]s\s+(?:full-scale\s+|"
                          r"all-out\s+)?(?:war|invasion)\b|\bas\s+a\s+result\s+of\s+(?:Russia['’]s\s+|the\s+)?(?:full-scale\s+|"
                          r"all-out\s+)?(?:war|invasion)\b"),
    (("began", "started"), r"\b(?:began|started)\s+in\s+\w+\s+(?:19|20)\d\d\b"),
    (("from ", "between"), r"\bfrom\s+the\s+(?:start|beginning|outset)\s+of\s+(?:the\s+|Russia's\s+)?(?:full-scale\s+)?(?:war|invasion)\b|"
                           r"(?<!overnight\s)(?<!night\s)\bfrom\s+(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)\w*\.?\s+\d+\s*"
                           r"(?:to|-|–|through|until)\s*(?:\w+\.?\s+)?\d+\b|\bbetween\s+(?:" + _MONTHS + r")\s+and\b"),
    (("total", "throughout", "during", "under", "occupied"), r"\bin\s+total\s+since\b|\bthroughout\s+the\s+(?:war|invasion|year)\b|"
                                        r"\bduring\s+the\s+(?:Russian\s+|Russia's\s+)?(?:occupation|war|full-scale|invasion)\b|"
                                        r"\bunder\s+(?:the\s+)?(?:Russian\s+|Russia's\s+)?occupation\b|"
                                        # "were killed while the area was still occupied by Russia"
                                        r"\b(?:while|when)\s+(?:the\s+(?:area|village|town|city|region|settlement)|it)\s+(?:was|were)\s+"
                                        r"(?:still\s+)?(?:occupied|under\s+occupation)\b"),
    (("version", "could", "would", "might"), r"\ban?\s+(?:earlier|previous)\s+version\b|\bcould\s+have\b|"
                                             r"\bwould\s+have\b|\bmight\s+have\b"),
    (("militant", "mercenar", "servicem", "soldier", "troop", "fighter", "personnel", "invader", "occupier", "convict"),
     r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\s+(?:[\w-]+\s+){0,2}?"
     r"(?:militants|mercenaries|servicemen|soldiers|troops|fighters|personnel|invaders|occupiers|convicts)\b|"
     r"\b(?:militants|mercenaries|servicemen|soldiers|troops|fighters|personnel|invaders|occupiers)\s+(?:were\s+|"
     r"was\s+)?(?:killed|wounded|injured|eliminated)\b"),
    (("prisoner", "pow", "swap", "exchange", "losses", "action"),
     r"\bprisoners?\b|\bPOWs?\b|\bswap\b|\bexchanged?\b|\blosses\b|\bin\s+action\b"),
    # a rate: "launch at least 1,000 interceptor drones a day", "some 40 attacks a week"
    (("a month", "a week", "a year", "a day", "each month", "every month", "each week", "every week", "each day", "every day",
      "daily"),
     r"\b(?:a|each|every)\s+(?:month|week|year|day)\b(?!\s+(?:ago|earlier|before|later|after))|"
     r"\b(?:attack|attacks|attacked|shelled|shelling|strikes|struck|hit)\s+daily\b"),  # "come under Russian attack daily"
    # "… killed and over 70 wounded … in a deadly Russian missile strike on Odesa earlier on March 15": another place's,
    # earlier that day
    # "Russia had hit Kharkiv with Iskander missiles earlier that day, killing a woman": another attack, told in the past
    # perfect; "Russian troops also hit the city of Kramatorsk in Donetsk Oblast earlier that day"
    (("earlier",), r"\b(?:had|also)\s+(?:hit|struck|attacked|shelled|targeted)\b[^.;]{0,80}?\bearlier\s+(?:that|the\s+same)\s+"
                   r"(?:day|morning|evening|afternoon)\b"),
    # "A 54-year-old woman was injured earlier on Nov. 14 in a Russian strike on Kherson" in an item of Beryslav's
    (("earlier",), r"\bearlier\s+on\s+" + _MONTH_WORD + r"\s+\d{1,2},?\s+(?:in|during)\s+(?:a|an)\s+"
                   r"(?:[\w-]+\s+){0,2}?(?:attack|strike|shelling)\s+on\s+(?-i:[A-Z])"),
    # "The attack came shortly after Russia struck the city of Kharkiv, injuring at least 23 people"
    (("shortly", "soon"), r"\b(?:came|comes|followed|took\s+place|happened)\s+(?:shortly|soon)\s+after\b"),
    (("earlier",), r"\b(?:attack|strike|shelling|bombardment)\s+(?:on|in|against)\s+(?:the\s+(?:city|town|village)\s+of\s+)?"
                   r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?(?:,\s+[^,;]{1,40},)?\s+earlier\s+(?:on\s+" + _MONTH_WORD + r"(?!\w)|that\s+day|"
                   r"the\s+same\s+day|in\s+the\s+day)"),
    (("ago", "anniversar", "deadliest", "weekly", "monthly", "per ", "average"),
     r"\ba\s+year\s+ago\b|\banniversary\b(?!\s+of\s+(?:its|the|Russia's)\s+full-scale)|\bdeadliest\b|\bweekly\b|\bmonthly\b|\bper\s+(?:day|night|week)\b|"
     r"\bon\s+average\b"),
    (("in ",), r"\bin\s+(?:(?:early|mid|late)[\s-]+)?(?:January|February|March|April|June|July|August|September|October|November|December)\b"
                r"(?!\s+\d{1,2}\b)|\bin\s+(?:early|mid|late)[\s-]+May\b(?!\s+\d{1,2}\b)|(?<!born\s)\bin\s+(?:19|20)\d\d\b"),
    # "At the end of March, a Russian drone struck a bus …, injuring three": a month's part, no day of it
    # "Russia fired more than 20 missiles at Kyiv … over June": a month's count (not "over June 4-5")
    (("over ", "during ", "throughout "), r"\b(?:over|during|throughout)\s+(?:the\s+month\s+of\s+)?(?:" + _MONTHS +
                                         r")\b(?!\s+\d)"),
    (("end of", "start of", "beginning of", "middle of"),
     r"\b(?:at\s+the\s+(?:end|start|beginning)|in\s+the\s+middle)\s+of\s+(?:January|February|March|April|May|June|July|"
     r"August|September|October|November|December|last\s+(?:week|month|year))\b(?!\s+\d{1,2}\b)"),
    (("babyn", "holodomor", "world war"), r"\bBabyn\s+Yar\b|\bHolodomor\b|\bWorld\s+War\b"),
    # bodies found in a mass grave, exhumed, found in liberated lands: killings of the occupation, no attack's toll
    (("mass grave", "mass burial", "exhum", "liberated"), r"\bmass\s+(?:graves?|burials?(?:\s+sites?)?)\b|"
                                                          r"\bexhum(?:ed|es|ation|ing)\b|\bbodies\b[^.;]{0,120}?\bliberated\b"),
    # "The flooding killed at least four people": a flood's dead, not an attack's
    (("flood",), r"\b(?:the\s+)?(?:flood(?:ing|s|waters?)?)\s+(?:has\s+|have\s+|had\s+)?(?:killed|claimed|left)\b|"
                 r"\b(?:killed|drowned|died)\b[^.;]{0,80}?\b(?:by|in|from|during)\s+(?:the\s+)?(?:flood(?:ing|s|waters?)?)\b"),  # "… were killed
    # by the flooding"
    # "the bodies of more than 420 civilians found in Bucha", "found the bodies of two more civilians … in a forest":
    # the dead of an occupation found since, not an attack's (not bodies recovered from the rubble of a strike)
    (("bodies", "body of"), r"\bbod(?:y|ies)\s+of\s+(?:[\w#,-]+\s+){0,8}?(?:found|discovered|uncovered)\s+(?:in|near|on|at)\b"
                            r"(?![^.;]{0,80}?\b(?:rubble|debris|ruins|wreckage|collapsed|site)\b)|"
                            r"\b(?:found|discovered|uncovered)\s+the\s+bod(?:y|ies)\s+of\b(?=[^.;]{0,120}?\b(?:forest|graves?|"
                            r"burial|hands\s+(?:bound|tied)|torture|occupation|occupied)\b)"),
    # "The report follows a Dec. 21 drone attack on Kyiv that injured two", "came just hours after another strike", "The
    # meeting took place days after Russia's largest aerial attack"
    (("follow", "after"), r"\b(?:follows|followed|comes|came|took\s+place|happened|occurred)\s+(?:by\s+)?(?:just\s+|only\s+|shortly\s+|soon\s+)?(?:(?:a\s+day|(?:a\s+few\s+|\w+\s+)?(?:hours|days|weeks))\s+)?"
                          r"(?:after\s+)?(?:an?|another|the|Russia's)\s+(?:[\w.#-]+\s+){0,4}?(?:attack|strike|shelling|bombing)\b"),
)]
# troops that attack are the attackers, not the counted: "Russian troops attacked Kherson" is no background
_TROOPS_ACT = re.compile(r"\b(?:troops|forces|soldiers)\s+(?:\w+\s+)?(?:attacked|shelled|struck|hit|launched|fired|"
                         r"opened|dropped|targeted|used|carried)\b", re.I)
_ACTOR = re.compile(r"\b(?:Russian|Russia's|enemy|occupying)\s+$", re.I)
_WAS_DEADLIEST = re.compile(r"^(?:The|This|That|Its|Russia['’]s)\s+(?:[\w-]+\s+){0,3}?(?:attack|strike|assault|bombardment)\s+"
                            r"(?:was|is|became|has\s+become)\s+(?:(?:among|one\s+of)\s+)?the\s+deadliest\b", re.I)
_TOLL_SINCE = re.compile(r"\b(?:number|toll|figure)\b[^.;]{0,60}?\b(?:been\s+updated|been\s+revised|risen|rose|grown|grew|"
                         r"climbed|increased)\b", re.I)
_ON_DATE_AFTER = re.compile(r"\s+on\s+" + _MONTH_WORD + r"\s+\d")  # "… this year
# on Nov. 1": a record of that day, not of the item's attack
_MONTH_BEFORE = re.compile(r"\b" + _MONTH_WORD + r"\s+$")
_WEEKDAY = re.compile(r"\b(?:(?:on|late on|early on|overnight on|since)\s+|(?=(?:" + _DAYS + r")['’]s\s+(?:[\w-]+\s+)?(?:attack|"
                      r"strike|shelling|bombardment|assault|barrage)))(?P<wd>" + _DAYS + r")\b")  # "Monday's attack on …"
# an update of an earlier attack's toll: "the death toll of Russia's July 3 attack on Dnipro rose to 8"
UPDATE = re.compile(r"\b(?:toll|number\s+of\s+(?:people\s+)?(?:killed|dead|victims|injured|wounded|casualties)|"
                    r"casualties|(?:injured|wounded|hurt)(?=\s+in\s+(?:the\s+|Russia's\s+|an?\s+)?(?:[\w.]+\s+){0,3}?"
                    r"(?:attack|strike|shelling)\b[^.;]{0,120}?\b(?:(?:has|had)\s+)?died))\s+(?:of|from|in|after)\s+"
                    r"(?:the\s+|Russia's\s+|a\s+)?(?:\w+\s+){0,2}?", re.I)  # "a man hurt in Russia's June 10 attack had died"


@dataclass(frozen=True)
class Named:
    written: date  # the date as written ("overnight on May 19": May 19)
    last: date  # the last date of a range as written ("overnight on Dec. 30-31": Dec. 31), else ``written``
    day: date  # the attack's day (for a night: the day it began, May 18)
    night: bool  # named as a night
    late: bool  # "late on", "the evening of": the evening before a night
    morning: bool  # "early on", "the morning of": another attack than one of that date's evening
    report: bool  # the date a statement was made, not of an attack
    start: int


def dates(sentence: str, near: date | None) -> list[Named]:
    """The dates a sentence names, read against ``near`` (the publication day in Kyiv)."""
    found = []
    if near is None or not has_any(sentence, _MONTH_HINTS):
        return found
    for m in _DATE.finditer(sentence):
        written = day_of(m.group("month"), m.group("day"), near)
        if written is None:
            continue
        if m.group("year"):
            try:
                written = written.replace(year=int(m.group("year")))
            except ValueError:
                continue
        lead = (m.group("lead") or "").lower()
        night = lead.startswith(("overnight", "night")) or "night of" in lead
        named = written - timedelta(days=1) if night and not m.group("day2") and "night of" not in lead else written
        before = sentence[max(0, m.start() - 60):m.start()]
        said = _REPORT.search(before)
        # "said a Russian strike on the city on Sept. 23 killed one": the date of the strike told, not of the saying
        report = said is not None and not _ATTACK_OF.search(before) and not _TOLD_ATTACK.search(before, said.start() + 3) \
            and not _TOLD_HURT.search(before, said.start() + 3) \
            and not (said.group(0)[:5].lower() == "as of" and _SHELLED_AS_OF.search(sentence, 0, m.start()))
        if not report and m.start() < 30 and "," in sentence[m.end():m.end() + 2] and _OPENING.fullmatch(sentence, 0, m.start()):
            after = _SAID_AFTER.match(sentence, m.end())  # "On Jan. 14, the administration said …": the saying's date
            report = after is not None and not _TOLD_ATTACK.search(sentence, after.end(), after.end() + 40)
        if not report and (_ENDED.search(before) or m.start() < 30 and _WORK_ENDED.search(sentence, m.end())):
            continue  # "Rescue work after the deadly attack … ended late on March 3", "Late on March 3, rescue work …
            # came to an end": the date of the work, of no attack and no saying
        late = lead.startswith("late") or "evening of" in lead
        last = written
        if m.group("day2"):  # "Nov. 30-1" ends the next month
            day2 = int(m.group("day2"))
            try:
                last = written.replace(day=day2) if day2 > written.day else written + timedelta(days=1)
            except ValueError:
                last = written + timedelta(days=1)
        morning = lead.startswith(("early", "during the day")) or "morning of" in lead or "afternoon of" in lead
        found.append(Named(written, last, named, night, late, morning, report, m.start()))
    return found


# the date of work ending, not of an attack: "Rescue work after the deadly attack, which killed 12, ended late on March 3"
_ENDED = re.compile(r"\b(?:ended|was\s+completed|were\s+completed|was\s+finished|concluded|wrapped\s+up|came\s+to\s+an\s+end)\s+$",
                    re.I)
# "Late on March 3, rescue work following the deadly attack, which killed 12, came to an end": the date the work ended
_WORK_ENDED = re.compile(r"\b(?:rescue|search|recovery|clean-?up|debris\s+removal)\s+(?:work|operations?|efforts?)\b[^.;]{0,160}?"
                         r"\b(?:ended|came\s+to\s+an\s+end|(?:was|were)\s+(?:completed|finished)|concluded|wrapped\s+up)\b", re.I)
_MONTH_HINTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def same_attack(one: Named, other: Named) -> bool:
    """Whether two dates name the same attack: the same date, or the evening before the night that ends on the
    other ("late on May 18" and "overnight on May 19"), or a night and the date it ended ("overnight on Dec. 30-31"
    and "on Dec. 31")."""
    if one.written == other.written and (one.late and other.morning or one.morning and other.late):
        return False  # "late on Jan. 2" and "on the morning of Jan. 2": two attacks of one day
    for night, day in ((one, other), (other, one)):
        if night.night and day.morning and not day.night:  # a night and a day's morning: the same attack only
            return day.written == night.last  # where the night ends ("overnight on Aug. 15", "the morning of Aug. 15")
    if one.written == other.written or (one.night and one.last == other.written) or (
            other.night and other.last == one.written):
        return True
    first, second = sorted((one, other), key=lambda d: d.written)
    return (second.written - first.written).days == 1 and first.late and second.night


def weekday(sentence: str, near: date | None) -> date | None:
    """The day "on Monday" names: the last such day on or before ``near``."""
    m = _WEEKDAY.search(sentence) if near is not None else None
    if not m:
        return None
    back = (near.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7
    return near - timedelta(days=back)


# after the item's own attack is told, in an item of one attack: another attack the same day
_ANOTHER = re.compile(r"\b(?:later|earlier)\s+(?:that|the\s+same)\s+(?:day|night|evening|morning)\b|\bearlier\s+in\s+the\s+day\b|"
                      r"\bearlier\s+on\s+(?:" + _DAYS + "|" + MONTH + r"\s+\d{1,2})\b|"
                      r"\b(?:attacked|struck|hit|shelled|"
                      r"targeted)\s+(?:[\w-]+\s+){0,3}?again\b|\bin\s+(?:a\s+separate|an\s+earlier|a\s+later|a\s+previous)\s+(?:attack|strike)\b|\bin\s+another\s+part\s+of\b|"
                      # "The same night, Russia carried out a large-scale drone attack on Dnipro" after the item's Kharkiv
                      r"\bon\s+the\s+same\s+day\b|\bthe\s+same\s+(?:day|night|evening)\b|\balso\s+(?:attacked|struck|hit|shelled|targeted)\b|"
                      r"\b(?:several|a\s+few|two|three|\d+)\s+hours\s+(?:after|later)\b|\bcoincided\s+with\b",
                      re.I)
ANOTHER_HINTS = ("later", "earlier", "again", "separate", "same day", "same night", "same evening", "also", "after",
                 "another part", "coincided")


def another_attack(sentence: str, lower: str) -> bool:
    """Whether a sentence after the item's first figure, in an item of one attack, tells of another attack
    ("Later that day Russia attacked Kyiv again", "Russian forces also attacked Kurylivka")."""
    return has_any(lower, ANOTHER_HINTS) and bool(_ANOTHER.search(sentence)) and not retold(sentence) and not (
        "same" in lower and _SAME_ATTACK.search(sentence))


# "In another part of the city, seven people were injured in the same attack": the item's attack, told on
_SAME_ATTACK = re.compile(r"(?:\b(?:in|during|by)\s+the|^The)\s+same\s+(?:attack|strike|shelling|barrage|assault)\b", re.I)  # "The same
# attack … also injured seven people in another part of the city"


# a superlative of the item's own attack: what follows "since" measures it, it is no other time
_RECORD = re.compile(r"\b(?:biggest|largest|heaviest|most\s+(?:massive|destructive|powerful|intense|devastating)|longest|"
                     r"first|worst)\b(?![^.;]{0,80}?\b(?:was|were)\b)",
                     re.I)
_NTH = re.compile(r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,2}?"
                  r"(?:attack|strike|assault|time)\b", re.I)
# "Earlier on April 12, Kim had said that five people were killed": the same attack's earlier report
_RETOLD = re.compile(r"^Earlier\b[^.;]{0,60}?\b(?:had\s+)?(?:said|reported|stated|announced|wrote)\s+(?:that\s+)?|"
                     r"(?P<end>,\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:said|reported|stated|announced|wrote)\s+earlier\s+(?:on\s+[\w.]+\s+\d{1,2}|"
                     r"that\s+day|in\s+the\s+day|the\s+same\s+day)\.?$)")  # "Five people had been killed and six injured, …, Kim said
# earlier on April 12.": the same attack's figures told before (not "said earlier on Oct. 8 that overnight attacks had …",
# nor "Overnight Russian attacks on Kherson Oblast wounded 11 people, …, Governor … said earlier on Oct. 8.": attacks of
# their own, ``retold``)
_OWN_ATTACK_WORD = re.compile(r"\b(?:attacks?|strikes?|shelling|bombardments?|barrages?)\b", re.I)


def retold(sentence: str):
    """The words that make a sentence a retelling of the item's attack's figures, or None."""
    m = _RETOLD.search(sentence)
    return None if m is not None and m.group("end") and _OWN_ATTACK_WORD.search(sentence, 0, m.start()) else m


def other_time(sentence: str, lower: str) -> bool:
    """Whether words of the sentence put its figures at another time than the item's attack."""
    lower = lower or sentence.lower()
    for hints, pattern in _OTHER:
        if not has_any(lower, hints):
            continue
        for m in pattern.finditer(sentence):
            word = m.group(0).lower()
            if word.endswith(("troops", "soldiers")) and _TROOPS_ACT.search(sentence):
                continue
            if word[0].isdigit() and _MONTH_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
                continue  # "said on Oct. 24 that Russian troops killed six civilians": a date's day, no troops counted
            if word.startswith(("troops", "forces", "soldiers", "occupiers", "invaders")) and _ACTOR.search(
                    sentence, max(0, m.start() - 30), m.start()):
                continue  # "Russian troops killed six civilians": the attackers, not the counted
            if word == "deadliest" and _WAS_DEADLIEST.search(sentence):
                continue  # "The April 24 attack was among the deadliest on the capital in recent months": this one
            if word == "since then" and _TOLL_SINCE.search(sentence):
                continue  # "Since then, the number of injured civilians has been updated to three": this one's, revised
            if (word.startswith("since") or word.startswith(("in 19", "in 20", "this year")) and not _ON_DATE_AFTER.match(
                    sentence, m.end())) and _RECORD.search(sentence, max(0, m.start() - 80), m.start()):
                continue  # "the biggest drone attack on the capital since the full-scale war began": this one
            if word.startswith(("this", "since")) and _NTH.search(sentence, max(0, m.start() - 80), m.start()):
                continue  # "in its eighth attack on the capital this month": this one
            return True
    return False


def dated_update_at(sentence: str) -> int | None:
    """Whether the sentence revises the toll of an attack it dates ("the death toll of Russia's July 3 attack on
    Dnipro rose to 8"): where that attack's date may start, else None. (``incidents.updates_a_toll`` asks the
    looser question of a row's evidence: does it revise a toll at all, dated or not.)"""
    m = UPDATE.search(sentence)
    return m.end() if m and _RISE.search(sentence, m.end()) else None


# a toll revised: without one of these, "exceeding the toll of Russia's Jan. 14 strike" is no update
_RISE = re.compile(r"\b(?:rose|risen|rises|climbed|climbs|increased|increases|grew|grown|reached|reaches|jumped|"
                   r"stands|stood|went\s+up|raising|bringing|now|died)\b", re.I)


# the toll reader and the air reader place the same sentences of an article in turn: each sentence's dates and
# words of another time are read once for both (a small cache, as ``text.prepared``: no article meets another's)
_dates = functools.lru_cache(maxsize=256)(lambda sentence, near: tuple(dates(sentence, near)))
_other_time = functools.lru_cache(maxsize=256)(lambda sentence, lower: other_time(sentence, lower))


# an attack told as of its saying: going on ("Russian forces are heavily shelling the liberated city of Kherson"), or
# just done ("said on Jan. 31 that Russian troops had attacked the communities of …")
_TOLD_AS_SAID = re.compile(r"\b(?:is|are)\s+(?:\w+\s+)?(?:shelling|attacking|striking|bombarding|bombing|hitting|firing\s+at)\b|"
                      r"\bthat\s+(?:Russian\s+)?(?:troops|forces)\s+had\s+(?:attacked|struck|shelled|hit|fired\s+on)\b", re.I)


STALE_DAYS = 7  # an attack dated this long before the item is background (an update of it says so in words)
OLD_SAYING_DAYS = 30  # a statement dated this long before the item is background, wherever in the item it stands


@dataclass
class Scope:
    """The item's own attack: the date the first sentence that names one gives (else the publication's), and
    whether each later sentence is of another attack."""

    published: date | None
    named: Named | None = None  # the item's attack date, once a sentence named it
    fixed: bool = False  # the item's attack is known (named, or the first figure came without a date)
    reported: date | None = None  # the first date a statement was made on ("the Air Force said on Dec. 1")
    tonight: bool = False  # the item's attack is the night before it ("downed 25 of 33 drones overnight"), undated
    said: date | None = None  # the date of a statement that opens the item naming no attack date ("officials said on
    # Sept. 11 that drones were flying toward Kryvyi Rih"): an attack dated two days before it is another
    whole_day: bool = False  # the item reports a whole day ("Over the day, Russian troops hit 10 communities"), its
    # attack not fixed by a figure yet
    said_now: bool = False  # that statement tells of its own time: made in a night ("wrote on Telegram overnight on
    # Oct. 10"), or of an attack going on ("Russian forces are heavily shelling Kherson, … said on Dec. 20"); an attack
    # of an earlier night or day is another

    @property
    def day(self) -> date | None:
        return self.named.day if self.named else self.published

    @staticmethod
    def another_time(sentence: str, lower: str) -> bool:
        """``other_time`` of a sentence, read once for the reader of tolls and of air (``_other_time``)."""
        return _other_time(sentence, lower)

    def own_day(self, sentence: str) -> bool:
        """Whether the sentence names the item's own attack date ("On Dec. 6, Russia also attacked …": the same
        attack's day, not another attack's)."""
        return self.named is not None and any(not d.report and d.written == self.named.written
                                              for d in _dates(sentence, self.published))

    def of(self, sentence: str, lower: str, figure: bool = True, strict: bool = False) -> tuple[bool, date | None]:
        """(about another attack, the attack day the sentence names) of one sentence. The first sentence that
        names an attack's date, or states a figure, fixes the item's own attack. ``strict``: an undated item's
        attack is the publication's night or day, so a date the day before is another's (air reports)."""
        found = _dates(sentence, self.published)
        earlier = self.reported  # the day the item's first statement was made on
        if self.reported is None:
            self.reported = next((d.written for d in found if d.report and self._plausible(d.written)), None)
        named = [d for d in found if not d.report and self._plausible(d.written)]
        if self.said is None and not named and not self.fixed:
            saying = next((d for d in found if d.report and self._plausible(d.written)), None)
            if saying is not None:
                self.said, self.said_now = saying.written, saying.night or bool(_TOLD_AS_SAID.search(sentence))
        if not named and self.published is not None and any(
                not d.report and (self.published - d.written).days > 400 for d in found):
            return True, None  # "on Nov. 15, 2022, a missile … killed two" in an item of 2024: history
        told_before = retold(sentence) if named and self.named is not None and figure else None
        if told_before is not None and all(d.start < told_before.end() for d in named):
            return False, self.day  # "Earlier on April 12, Kim had said that five were killed": this attack, told before
        if figure and not named and self.fixed and self.published is not None and any(
                d.report and (self.published - d.written).days >= STALE_DAYS for d in found):
            return True, None  # "On Aug. 8, a spokesman said 78 rescuers had been killed" in an item of January
        if figure and not named and self.named is not None and any(
                d.report and d.written < self.named.day and self._plausible(d.written) for d in found):
            return True, None  # "Two police officers were killed …, the National Police said on Feb. 27." in an item of the
            # Feb. 28 attack: said before that attack, of another
        if figure and not named and self.published is not None and any(
                d.report and (self.published - d.written).days >= OLD_SAYING_DAYS for d in found):
            return True, None  # "On April 4, the government said mine explosions had killed 296" in an item of June 30:
            # what was said a month or more before the item is no news of its own, even as its first figure
        if figure and not named and earlier is not None and any(d.report and (earlier - d.written).days >= 1 and
                                                     self._plausible(d.written) for d in found):
            return True, None  # "Prokudin said on April 18 that shelling had wounded nine" after a statement of April 20
        at = dated_update_at(sentence) if named else None
        if at is not None:
            own = next((d for d in named if d.start >= at - 2), None)
            died = sentence.find(" died", at)
            if own is not None and died >= 0 and own.start > died:
                own = None  # "A person who had been seriously injured in a drone strike died in hospital on Dec. 12": the
                # day of the death, no date of the attack
            if own is not None:
                if not self.fixed:
                    self.named, self.fixed = own, True
                return False, own.day  # an update of that attack: counted, for its own day
        if not named and not self.fixed and self.whole_day and _EARLIER_THAT_DAY.match(sentence):
            return False, self.day  # "Over the day, Russian troops hit 10 communities …. Earlier that day, a missile
            # strike killed a woman": of the day the item reports, nothing counted yet
        if not self.fixed and not self.whole_day and ("the day" in lower or "24 hours" in lower):
            self.whole_day = bool(_WHOLE_DAY.search(sentence))
        if _other_time(sentence, lower) and not (
                "last night" in lower and self.named is not None and self.named.night and
                self.named.written == self.published and not other_time(_LAST_NIGHT.sub("", sentence), "")):
            return True, None  # not "an attack last night" in the morning after the night the item reports
        if not named:
            when = weekday(sentence, self.published)
            if when is not None and self.published is not None and when != self.published and \
                    (self.published - when).days >= (1 if self.named is None else 0) and \
                    (self.named is None or when != self.named.written):
                if self.fixed or (self.published - when).days >= 2:
                    return True, when
            if figure and not self.fixed:
                self.fixed = True
            return False, self.day
        first = named[0]
        if not self.fixed and self.published is not None and ((self.published - first.written).days >= STALE_DAYS or (
                self.said is not None and ((self.said - first.written).days >= 2 or
                                           self.said_now and first.written < self.said))):
            # "On the morning of July 8, …" in an item of Aug. 9, "On Sept. 8, …" after "officials said on Sept. 11",
            # "Overnight on Oct. 9, …" after a post "overnight on Oct. 10": background, not the item's
            return True, first.day
        if not self.fixed:
            self.named, self.fixed = first, True
            return False, first.day
        if self.named is None:  # the item's attack came undated: a date two days or more before is another
            gap = (self.published - first.written).days
            if self.tonight and gap >= 1 and not first.late and not first.night:
                return True, first.day  # "On Oct. 5, … killing 51" in a report of the night to Oct. 6
            if first.night:  # the night it began on: "on the night of Nov. 15" in an item of Nov. 16 is the last night
                gap = (self.published - first.day).days - 1
            if strict or first.night:
                return gap >= 1 and not (gap == 1 and first.late), first.day
            return gap >= 2, first.day
        return not any(same_attack(d, self.named) for d in named), first.day

    def elsewhen(self, text: str) -> bool:
        """Whether ``text`` (what follows one count: "on Oct. 1, 105 on Oct. 2") dates it to another attack than the
        item's: "32 drones launched at Ukraine on Oct. 1" in an item of Oct. 4."""
        found = [d for d in _dates(text, self.published) if not d.report and self._plausible(d.written)]
        if not found or found[0].start > 40:
            return False
        first = found[0]
        if self.named is not None:
            return not same_attack(first, self.named)
        return self.published is not None and (self.published - first.written).days >= 2

    def titled(self, title: str | None) -> None:
        """A title that dates the item's attack fixes it: an update's ("Toll of the July 23 Russian attack on Odesa
        climbs to 2", so the body's "On the night of July 23, Russian forces hit Odesa …" is of it, not another), or one
        place's attack on one day ("Governor: Sumy Oblast hit 13 times by Russian forces on Oct. 11", so an attack of
        Oct. 10 in its body is another)."""
        if not title or self.fixed:
            return
        head = title[:MAX_SENTENCE]
        at = dated_update_at(head)
        if at is None and not _TITLE_HIT_ON.search(head):
            return
        found = [d for d in _dates(head, self.published) if not d.report and self._plausible(d.written)]
        own = next((d for d in found if d.start >= at - 2), None) if at is not None else \
            found[0] if len(found) == 1 else None
        if own is not None:
            self.named, self.fixed = own, True

    def _plausible(self, when: date) -> bool:
        return self.published is None or (self.published - when).days <= 400 and when <= self.published + \
            timedelta(days=1)


# the patterns most sentences meet, searched the quick way for the same matches (kyivind/figures/text.py, ``Quick``:
# not where the words every match holds are missing; a case-blind one in the sentence's lower case)
_OTHER = [(hints, Quick(pattern)) for hints, pattern in _OTHER]
_ANOTHER, _TROOPS_ACT, _WEEKDAY, UPDATE, _REPORT = (Quick(pattern) for pattern in (_ANOTHER, _TROOPS_ACT, _WEEKDAY, UPDATE,
                                                                                    _REPORT))
