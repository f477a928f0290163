"""Stage three of the reader: the casualty statements of an article (kyivind/figures/tolls.py makes its rows of
them). Each sentence, its numbers' roles decided first (kyivind/figures/numbers.py: ages, dates, times, model
designators and the rest are masked), is read for a count tied to a verb of killing or injuring by the shape of
the clause, not by distance: the count is the verb's object ("killing 2", "injured 16 others") or the subject of a
passive or intransitive verb with at most a noun of people between ("7 people were injured", "3 killed", "two
men, aged 44 and 42, were killed"); "a man was killed" is 1. A revised toll ("the death toll rose to 6"), none
("no casualties") and subsets ("including 3 children", "12 of them hospitalized", never added) are told apart.
Lists of people are counted one by one ("a 39-year-old woman, a 15-year-old boy, and an 11-year-old girl", "one
each in Toretsk, Druzhba, and Heorhiivka"). Each sentence is placed first (kyivind/figures/scope.py): another
attack's figures are left out, an update of an earlier attack counts for that attack's day, and the sentence after
another attack's (told with a figure or without one: "Earlier on Nov. 1, a drone hit Nikopol") is of it too unless
it names a day or place of its own. Each statement keeps its sentence and where it starts (the row's evidence).
Pure functions; linear in the text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date

from kyivind.figures.numbers import mask
from kyivind.figures.scope import Scope, another_attack, other_time
from kyivind.figures.text import (
    DIGIT,
    MAX_CHARS,
    MAX_SENTENCE,
    Quick,
    figures_in,
    has_any,
    prepared,
    published_day,
    sentences,
)
from kyivind.places.officials import official_region

KILLED, INJURED = "killed", "injured"
_Q = r"(?P<q>at least\s+|more than\s+|over\s+|no fewer than\s+|nearly\s+|almost\s+|about\s+|around\s+|some\s+|" \
     r"up to\s+|approximately\s+|roughly\s+)?"
_N = r"(?<![\d#])(?P<n>\d+)\b(?!\s*(?:%|percent|#))"
_PEOPLE = (r"(?:(?:of\s+(?:his|her|their)\s+)?(?:co-workers?|colleagues?|relatives?|neighbou?rs?)|"
           r"people|persons?|civilians?|residents?|others?|more|men|women|man|woman|children|child|kids|"
           r"teenagers?|boys?|girls?|pensioners?|employees?|workers?|rescuers?|firefighters?|police\s+officers?|"
           r"officers?|policemen|medics?|doctors?|paramedics?|journalists?|volunteers?|passengers?|locals?|"
           r"individuals?|victims?|family\s+members|miners?|adults?|minors?|infants?|babies|students?|patients?|"
           r"drivers?|farmers?|utility\s+workers|emergency\s+workers|energy\s+workers|railway\s+workers|staff|guards?|"
           r"representatives?|sappers?|deminers?|electricians?|teachers?|residents|engineers?|(?:first\s+|1st\s+)?responders?|"
           r"technicians?|repairmen|nurses?|crew\s+members?)")  # "three power engineers", "seven first responders"
_ADJ = r"(?:(?:more|other|additional|elderly|local|young|civilian|innocent|Ukrainian|further|adult|small|rescue|energy|male|" \
        r"female|(?-i:[A-Z][a-z]+\s+)?(?-i:Oblast)|" \
        r"railway|utility|emergency|aid|humanitarian|medical|municipal|state|forestry|construction|road|farm|power|gas|" \
        r"water|communal|postal)\s+)"  # "seven State Forestry workers were killed"
# what a number counts when it is not people: it then never counts as a toll
_THINGS = (r"(?!\s+(?:[\w-]+\s+)?(?:drones?|missiles?|rockets?|bombs?|shells?|attacks?|strikes?|times|explosions?|"
           r"settlements?|villages?|towns?|cities|oblasts?(?!\s+(?:residents?|civilians?|people|men|women|children))|regions?|"
           r"districts?|communities|buildings?|houses?|homes?|"
           r"apartments?|cars?|vehicles?|hours?|days?|weeks?|months?|years?|tons?|million|billion|thousand|UAVs?|"
           r"shots?|projectiles?|schools?|hospitals?|objects?|facilities|sites?|targets?|militants|soldiers|troops|"
           r"servicemen|Russian|enemy|occupiers|invaders|private|residential|high-rise|floors?|hits?|"
           r"infrastructure|enterprises?|boats?|tanks?|aircraft|helicopters?|planes?|animals?|livestock|cattle|cows?|"
           r"pigs?|sheep|chickens?|poultry|horses?|dogs?|cats?|birds?|bees|hives)\b)")
_KILL = r"(?:killed|killing|kills|kill|dead|died|perished|lost\s+their\s+lives|lost\s+(?:his|her)\s+life)"
_HURT = (r"(?:injured|injuring|injures|injure|wounded|wounding|wounds|wound|hurt|"
         r"(?:sustained|suffered)(?:\s+[\w-]+){0,2}\s+(?:injuries|wounds|burns)|hospitalized|hospitalised|received\s+(?:\w+\s+)?injuries|"
         r"sought\s+medical\s+(?:help|assistance|attention|care|treatment)|(?:taken|rushed|brought)\s+to\s+(?:a\s+|the\s+)?"
         r"hospital)")
_AUX = r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|got|have|has|had|remain|remained|reportedly|" \
       r"(?:listed|registered|recorded|counted)\s+as|" \
       r"to\s+have\s+been|to\s+have|in\s+total|in\s+(?:the|that)\s+(?:region|oblast|city|town|village|community|" \
       r"district|attack|strike))\s+)"
_ADV = r"(?:(?:reportedly|also|later|reported|seriously|severely|lightly|critically|fatally|mortally|slightly|all|" \
       r"both|initially|confirmed|counted|declared|now|still|known\s+to\s+have|said\s+to\s+have|believed\s+to\s+have|" \
       r"been)\s+)"
_EITHER = r"(?!\s+(?:or|and/or)\s+(?:injured|wounded|killed|hurt))"  # "390 killed or injured": casualties, not a toll
# "killing 2", "injured 16 others", "killed three people and injured 16"
_VERB_FIRST = re.compile(r"\b(?P<verb>killing|killed|kills|kill|injuring|injured|injures|injure|wounding|wounded|"
                         r"wounds|wound|leaving|left|bodies\s+of)\s+(?:a\s+total\s+of\s+|an\s+additional\s+|a\s+further\s+)?" + _Q + _N + _THINGS +
                         r"(?:\s+" + _ADJ + r"{0,2}" + _PEOPLE + r")?(?P<dead>\s+(?:dead|injured|wounded))?", re.I)
_OF_PLACE = (r"(?:\s+(?:of|from|in)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}(?:\s+(?:Oblast|region|district))?|"
             r"\s+across\s+the\s+(?:region|oblast|city|country))?")  # "Nine civilians across the region were injured"
# "two men and two women were wounded": both groups, one statement
_GROUP_NOUN = (r"(?:men|women|man|woman|people|children|child|boys?|girls?|adults?|residents?|civilians?|rescuers?|medics?|"
               r"workers?|volunteers?|police\s+officers?|(?:law\s+enforcement\s+)?officers?|firefighters?|journalists?)")
_TWO_GROUPS = re.compile(r"(?<![\d#])(?P<n>\d+)\s+(?:(?:more|other|elderly|young|local)\s+)?" + _GROUP_NOUN +
                         r"(?:,\s+aged\s+#+(?:(?:,\s+#+){0,6},?\s+and\s+#+)?,)?\s+and\s+"  # "two other men, aged 38 and 65, and two women"
                         r"(?P<m>\d+|an?(?=\s+(?:man|woman|child|boy|girl|adult|resident|civilian)\b))\s+(?:(?:more|other|elderly|young|"
                         r"local)\s+)?" + _GROUP_NOUN +
                         r"(?:,?\s+aged\s+(?:between\s+|from\s+)?#+(?:(?:,\s+#+){0,6},?\s+(?:and|to)\s+#+)?,?)?\s+"  # "aged between 30 and 79"
                         r"(?:were|was|have\s+been|had\s+been)\s+(?:(?:also|reportedly|later|seriously|severely|lightly)\s+)?"
                         r"(?P<verb>killed|injured|wounded|hurt|hospitalized|found\s+dead)\b", re.I)
# "7 people were injured", "3 killed", "two men, aged ## and ##, were killed", "12 dead"
_NUMBER_FIRST = re.compile(_Q + _N + _THINGS + r"(?:\s+" + _ADJ + r"{0,2}" + _PEOPLE + _OF_PLACE + r")?(?:\s+in\s+total)?(?:,\s+aged\s+#+(?:,\s+#+){0,8},?\s+and\s+#+,|\s+aged\s+#+(?:(?:,\s+#+){0,8},?\s+and\s+#+)?|,?\s+born\s+in\s+#{4}(?:(?:,\s+#{4}){0,8},?\s+and\s+#{4})?,?)?(?:(?:,(?:(?!kill|injur|wound|dead|die)[^,]){1,80}){1,2},)?\s+" +
                           _AUX + r"{0,2}" + _ADV + r"{0,3}(?P<verb>" + _KILL + "|" + _HURT + r")\b" + _EITHER +
                           r"(?!\s+(?:[\w-]+\s+)?(?:soldiers|servicemen|troops|prisoners|POWs|defenders|fighters)\b)", re.I)
# "a man was killed", "killing a woman", "a 44-year-old woman died in hospital"
_ONE_VERB_FIRST = re.compile(r"\b(?P<verb>killing|killed|injuring|injured|wounding|wounded|shot\s+dead|shooting\s+dead|"
                             r"bod(?:y|ies)\s+of)\s+(?:a|an|one|"
                             r"the(?=\s+#)|his|her|their|its)\s+"
                             r"(?:(?!and\b)[\w#-]+\s+){0,3}?(?P<who>man|woman|person|resident|civilian|child|boy|girl|teenager|"
                             r"driver|pensioner|volunteer|rescuer|officer|medic|worker|employee|farmer|firefighter|"
                             r"journalist|reporter|correspondent|photographer|cameraman|representative|official|priest|"
                             r"passer-by|local|policeman|infant|baby|cyclist|passenger|wife|husband|mother|"
                             r"father|son|daughter|brother|sister|grandmother|grandfather|neighbor|guard)\b", re.I)
_AGED = r"(?:,?\s+aged\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+)?#+,?|,\s+#+,|\s+in\s+(?:his|her)\s+(?:(?:early|mid|late)[\s-]+)?[1-9]0s|,?\s+born\s+in\s+#{4},?)?"  # "a woman aged about 80"
# "a 75-year-old locksmith was injured": one of a person noun (a word that names no thing, see _NOT_PEOPLE)
_IN_A_PLACE = (r"(?:\s+(?:in|from)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?(?:of\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
               r"(?:\s+(?:Oblast|district|region))?)?")  # "a police officer in the regional center of Kherson was injured"
_WHO_CLAUSE = (r"(?:,?\s+who\s+(?:seems|seemed|appears|appeared|was|had\s+been|worked|lived|works|lives)\s+[^.;,]{0,50}?,?|"
               r",?\s+(?:working|living|standing|walking|driving|riding|passing|sitting|employed)\s+(?:for|at|in|on|near|by|as|"
               r"along|through)\s+[^.;,]{0,40}?,?|"
               r",?\s+(?:assisting|helping|evacuating|repairing|delivering|guarding|clearing|distributing)\s+(?:[\w'’-]+\s+){0,3}?"
               r"[\w'’-]+,?)?")  # "who was near the blast", "working for a medical facility", "assisting local residents"
_ONE = re.compile(r"\b(?:a|an|one|another)\s+(?:[\w#-]+\s+){0,3}?(?P<who>[a-z][a-z-]+|#+-year-old)\b" + _AGED + _IN_A_PLACE + _WHO_CLAUSE + r"\s+"
                  r"(?:(?:was|has\s+been|had\s+been|got|is|reportedly)\s+){1,2}(?:\w+\s+)?(?P<verb>killed|injured|wounded|"
                  r"hurt|hospitalized|(?:taken|rushed|brought)\s+to\s+(?:a\s+|the\s+)?hospital)\b|\b(?:a|an|one|another)\s+(?:[\w#-]+\s+){0,3}?(?P<who2>[a-z][a-z-]+|#+-year-old)\b" + _AGED + _IN_A_PLACE +
                  r"\s+(?:(?:also|later|reportedly)\s+)?(?:(?P<die>died|perished)|"
                  r"(?P<hurt>(?:sustained|suffered|received)(?:\s+[\w-]+){0,2}\s+(?:injuries|wounds|burns)))\b", re.I)
_FATALLY = re.compile(r"\b(?:fatally|mortally)\s+(?:wounded|injured)\b", re.I)
_NOT_PEOPLE = frozenset("""and or but then while them whom those which who what day week month year time attack strike drone missile shell
    area yard courtyard street road field
    building house home car vehicle bus train fire explosion blast facility site object school hospital village town
    city area district region oblast part number total toll third half quarter dozen hundred thousand""".split())
# "killed a married couple", "an elderly couple was injured": two
_COUPLE = re.compile(r"\b(?P<verb>killing|killed|injuring|injured|wounding|wounded)\s+(?:a|an|the)\s+(?:\w+\s+)?couple\b|"
                     r"\b(?:a|an|the)\s+(?:\w+\s+)?couple(?:,?\s+aged\s+#+\s+and\s+#+,?)?\s+(?:was|were)\s+(?:\w+\s+)?"
                     r"(?P<verb2>killed|injured|wounded|hurt)\b", re.I)  # "A couple aged 68 and 54 were injured"
# "a man aged 77 who was injured in the June 10 attack had died in hospital": one killed
_DIED_LATER = re.compile(r"\b(?:a|an|one|another)\s+(?:[\w#-]+\s+){0,3}?(?P<who>[a-z][a-z-]+)\b" + _AGED +
                         r",?\s+(?:who\s+(?:was|had\s+been)\s+(?:\w+\s+){0,2}?)?(?:injured|wounded|hurt)\b[^.;]{0,160}?\b"
                         r"(?:had\s+|has\s+)?(?P<verb>died|succumbed)\b", re.I)
_ANOTHER_ONE = re.compile(r"\b(?:(?P<verb>killing|killed|injuring|injured|wounding|wounded)\s+(?:another|the\s+(?:other|second|"
                          r"third|2nd|3rd|4th))\b(?!\s+(?:\d|#))|(?:sending|sent)\s+another\s+(?:[\w-]+\s+)?to\s+(?:a\s+|the\s+)?"
                          r"hospital\b)", re.I)  # "killing 2 of those inside and wounding the 3rd", "sending another to hospital"
# "leaving a 35-year-old man with shrapnel wounds", "left 4 people with injuries"
_WITH_WOUNDS = r"with\s+(?:[\w-]+\s+){0,2}?(?:wounds|injuries|burns)\b"  # "… left … with (blast) injuries"
_LEFT_WITH = re.compile(r"\b(?:leaving|left)\s+(?:(?P<n>\d+)|a|an|one)\s+(?:[\w#-]+\s+){0,3}?" + _WITH_WOUNDS, re.I)
_DIED_SINCE = re.compile(r"[^;]{0,80}?\b(?:(?:have|has|had)\s+(?:since\s+|later\s+|now\s+)?)?(?:died|die|succumbed|succumb)\b")
_UNRELATED = re.compile(r"\b(?:unrelated\s+to|not\s+(?:related|connected)\s+to|not\s+caused\s+by)\s+(?:the\s+|any\s+|a\s+)?"
                        r"(?:Russian\s+)?(?:shelling|attacks?|strikes?|war|bombardment|hostilities)\b", re.I)
_STILL_IN_HOSPITAL = re.compile(r"[^;.]{0,80}?\b(?:(?:are|is|remain|remains)\s+still|remain|remains)\s+(?:in\s+(?:the\s+)?hospital|"
                                r"hospitalized|being\s+treated)\b")
_FINITE = re.compile(r"\b(?:were|was|been|are|is)\b", re.I)  # "3 people were wounded": not the participle of "3 people wounded in"
# "killed Ryan Evans, a British national …": one named victim, told with who they were
_NAMED_ONE = re.compile(r"\b(?P<verb>killing|killed|injuring|injured|wounding|wounded)\s+(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){1,2}"
                        r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?,\s+(?:a|an|the)\s")
RAISING_HINTS = ("raising", "bringing", "pushing", "taking", "lifting", "raise", "bring", "push", "take", "brought")
ONE_HINTS = ("a ", "an ", "one ", "another ", "its ")  # without one of these no sentence tells of one victim
_MORE = re.compile(r"\b(?:more|another|other|others|additional|elsewhere)\b", re.I)
_ONE_NOUN = (r"(?:man|woman|person|resident|civilian|child|boy|girl|teenager|adult|driver|pensioner|mother|father|son|daughter|"
             r"wife|husband|brother|sister|grandmother|grandfather|neighbor|volunteer|worker|employee|rescuer|medic|"
             r"officer|farmer|guard|doctor|nurse|teacher|paramedic|policeman|journalist|reporter|correspondent|photographer|"
             r"cameraman|representative|priest|pedestrian|cyclist|passenger)")
# "with nine settlements targeted and a 60-year-old woman hurt": one, told without "was" (not "a man injured in the
# May 5 attack", who is told of)
_WITH_ONE = re.compile(r"\b(?:with|and)\s+(?:a|an|one)\s+(?:[\w#-]+\s+){0,3}?(?P<who>" + _ONE_NOUN[3:-1] + r")\s+"
                       r"(?P<verb>killed|injured|wounded|hurt)\b(?!\s+(?:in|by|during|when|while|on|at|after|as)\b)", re.I)
# "A woman who had been rescued from under the rubble after a Russian missile strike … has died in hospital": one dead
_WHO_DIED = re.compile(r"\b(?:a|an)\s+(?:[\w#-]+\s+){0,3}?(?P<who>" + _ONE_NOUN[3:-1] + r")\s+(?:who\s+(?:had\s+been|was)\s+|"
                       r"(?=(?:pulled|rescued|recovered|dug\s+out|freed)\s+from\b))"  # "A woman pulled from the rubble …"
                       r"[^.;]{0,120}?\s+(?:(?:has|had|later)\s+){0,2}(?P<verb>died)\b", re.I)
# "36 police officers, 9 civilians, and 1 rescuer were injured": groups of one statement, summed
_GROUPS = re.compile(r"(?<![\d#])(?P<list>\d+\s+(?:[\w-]+\s+){0,2}?" + _PEOPLE + r"(?:,\s+\d+\s+(?:[\w-]+\s+){0,2}?" + _PEOPLE +
                     r"){1,5},?\s+and\s+(?:\d+\s+(?:[\w-]+\s+){0,2}?" + _PEOPLE + r"|(?P<one>(?:a|an)\s+(?:#+-year-old\s+)?"
                     r"(?:[a-z-]+\s+){0,2}?" + _ONE_NOUN + r")))\s+(?:were|had\s+been|have\s+been)\s+"
                     r"(?:(?:also|reportedly|seriously|lightly)\s+)?(?P<verb>killed|injured|wounded|hurt)\b", re.I)
# "two of the three people hurt in the drone attack are in intensive care": the whole is told inside its part
_THE_N = re.compile(r"\bof\s+the\s+(?P<n>\d+)\s+(?:people|persons|civilians|residents|victims)\s+(?P<verb>hurt|injured|wounded|"
                    r"killed)\s+(?:in|by|during)\b", re.I)
# "one was wounded in Pokrovsk and another was killed in Kostiantynivka": one more, of its own verb
_ANOTHER_WAS = re.compile(r"\banother\s+(?:one\s+|person\s+)?(?:was|had\s+been)\s+(?:(?:also|reportedly)\s+)?"
                          r"(?P<verb>killed|injured|wounded|hurt|hospitalized)\b", re.I)
# "The girl's mother was reportedly wounded as well", "his wife was killed": one relative of a victim
_KIN = re.compile(r"\b(?:the\s+[\w-]+['’]s|his|her|their)\s+(?:[\w#-]+\s+)?(?P<who>mother|father|wife|husband|son|daughter|"
                  r"brother|sister|grandmother|grandfather|grandson|granddaughter)\s+(?:was|had\s+been)\s+(?:(?:reportedly|"
                  r"also|seriously|severely|fatally|critically|lightly)\s+){0,2}(?P<verb>killed|injured|wounded|hurt)\b", re.I)
# a person named with an age: "Denys Zhurba, 18, had died of the injuries he suffered": one
_NAMED_AGED = re.compile(r"\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+,\s+(?:#+|\d{1,3}),\s+(?:(?:has|had)\s+)?(?:(?:also|later)\s+)?"
                         r"(?:was\s+|has\s+been\s+|had\s+been\s+)?(?P<verb>died|killed|injured|wounded)\b")
# "A 14-year-old girl and two men, aged 19 and 84, were injured", "their local Ukrainian producer and two policemen were
# injured": one and a group, one statement
_ONE_AND_GROUP = re.compile(r"\b(?:a|an|their|his|her)\s+(?:#+-year-old\s+)?(?:[A-Za-z-]+\s+){0,2}?(?:" + _ONE_NOUN +
                            r"|producer|interpreter)(?:\s+aged\s+#+)?\s+and\s+(?:her\s+|his\s+|their\s+)?(?P<m>\d+)\s+"
                            r"(?:(?:more|other|elderly|young|local)\s+)?(?:men|women|people|children|boys|girls|residents|"
                            r"civilians|policemen|police\s+officers|officers|rescuers|journalists|workers|volunteers|medics)"
                            r"(?:,?\s+aged\s+#+"
                            r"(?:,\s+#+){0,6},?\s+and\s+#+,?|,\s+(?:a|an)\s+[^,;]{1,80},)?\s+(?:were|had\s+been|have\s+been)\s+(?:(?:also|reportedly|"
                            r"seriously|severely|lightly)\s+)?(?P<verb>killed|injured|wounded|hurt|hospitalized)\b", re.I)
# "three men aged 52, 65, and 73 and a 38-year-old woman were injured": a group and one, one statement
_GROUP_AND_ONE = re.compile(r"(?<![\d#])\b(?P<n>\d+)\s+(?:(?:elderly|young|local|other)\s+)?(?:men|women|people|children|boys|girls|"
                            r"residents|civilians|teenagers)(?:,?\s+aged\s+#+(?:,\s+#+){0,6},?(?:\s+and\s+#+)?,?)?\s+and\s+"
                            r"(?:a|an)\s+(?:#+-year-old\s+)?(?:[a-z-]+\s+){0,2}?" + _ONE_NOUN + r"(?:\s+aged\s+#+)?\s+"
                            r"(?:were|had\s+been|have\s+been)\s+(?:(?:also|reportedly|seriously|severely|lightly)\s+)?"
                            r"(?P<verb>killed|injured|wounded|hurt)\b", re.I)
_HOW_BADLY = r"(?:(?:seriously|severely|critically|lightly|slightly|badly)\s+)?"  # "her husband seriously injured"
_AND_ONE = re.compile(r"(?:,?\s+aged\s+#+(?:\s+and\s+#+)?,?)?(?:\s+(?:in|on|at|near)\s+(?:the\s+)?[\w#.-]+(?:\s+[\w#.-]+){0,6}?)?,?\s+"
                     r"and\s+(?:(?:a|an|another|her|his|their)\s+(?:[\w#-]+\s+){0,3}?|(?=(?:sister|brother|wife|husband|son|"
                     r"daughter)\b))" + _ONE_NOUN +
                     r"\b(?!(?:,\s+[^,;]{1,30},|\s+(?:in|from|at|near)\s+[^,;]{1,50}?)?\s+" + _HOW_BADLY +
                     r"(?:was|were|is|are|had|has|died|injured|wounded|hurt|killed)\b)")
# "wounded a 39-year-old woman, a 15-year-old boy, and an 11-year-old girl": one more for each after the first
_AND_LIST = re.compile(r"(?P<items>(?:,\s+(?:a|an|her|his|their)\s+(?:[\w#-]+\s+){0,3}?" + _ONE_NOUN + r"\b){1,6}),?\s+and\s+"
                       r"(?:a|an|another|her|his|their)\s+(?:[\w#-]+\s+){0,3}?" + _ONE_NOUN + r"\b(?!\s+(?:was|were|is|are|had|has|died))")
# "killed two civilians in Bakhmut and one each in Toretsk, Druzhba, and Heorhiivka": one for each place
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_EACH = re.compile(r"\b(?P<n>\d+)\s+each\s+in\s+(?P<places>" + _NAME + r"(?:(?:,\s+" + _NAME + r"){0,8},?\s+and\s+" + _NAME + r")?)")
# "injured three women and one man": a second group of the same statement, added
_AND_N = re.compile(r"(?:,?\s+aged\s+#+(?:\s+(?:and|to)\s+#+)?,?)?\s+and\s+(?:their\s+|his\s+|her\s+)?(?P<n>\d+)\s+"
                    r"(?:other\s+|more\s+|small\s+|young\s+|little\s+)?(?:men|women|man|woman|children|child|boys?|girls?|"
                    r"teenagers?|adults?|minors?|infants?|people|residents?|civilians?|pensioners?|sons|daughters|grandchildren|"
                    r"(?:[A-Za-z-]+\s+){0,3}?(?:officers|rescuers|workers|employees|volunteers|firefighters|medics|"
                    r"paramedics|journalists|policemen|deminers|electricians))\b"
                    r"(?!\s+(?:were|was|are|is|had|have|has|died|of\b))"
                    # "Three people were killed and eight civilians and two law enforcement officers were injured": a
                    # subject of its own verb, no more of the dead
                    r"(?!,?\s+and\s+\d+\s+(?:[\w-]+\s+){0,3}?(?:were|was|had\s+been|have\s+been)\b)")
# "injured three women, two men, and a child": a group of a list, the list going on after it
_COMMA_N = re.compile(r",\s+(?P<n>\d+)\s+(?:(?:other|more|elderly|young|local)\s+)?(?:men|women|children|boys|girls|teenagers|"
                      r"adults|residents|civilians|pensioners)\b(?=,?\s+and\s|,\s+\d)")
_GROUP_END = re.compile(r"\b(?:men|women|boys|girls|teenagers)$")  # a group of one kind, not a whole ("people, five men")
# "Two people were wounded overnight and five more in a morning attack": a second group, its verb left out
_AND_N_MORE = re.compile(r"(?:\s+(?:in|on|at|near)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?"
                         r"(?:\s+(?:overnight|earlier|later|in\s+the\s+(?:morning|evening|afternoon|night)))?,?\s+and\s+"
                         r"(?:(?P<n>\d+)\s+(?:more|others)|another\s+(?P<n2>\d+))\b(?!\s+(?:people\s+|persons?\s+)?(?:were|was|are|is|"
                         r"had|have|has|died|of|could|may|might|remain|remained|still)\b)")  # not "and three more could still be
# trapped", "and one more person is still under the rubble"
# "injured a man and women aged 32, 45, and 50": a second group of the statement, one for each age
_AND_AGES = re.compile(r",?\s+and\s+(?:\w+\s+)?(?:men|women|people|children|boys|girls|residents|civilians|pensioners)\s+"
                       r"aged\s+(?P<ages>#+(?:(?:,\s+|,?\s+and\s+)#+){1,8})(?!#)(?!\s+(?:were|was|are|is|had|have|has|died))")
_AGES = re.compile(r"#+")
# "four people … were killed and 12 more injured": more than the dead just told, no more than figures before
_KIND_AND = re.compile(r"\b(?:killed|dead|died|injured|wounded|hurt)\s+(?:and|while)\s+$", re.I)
_ANOTHER_BEFORE = re.compile(r"\b(?:another|an\s+additional|a\s+further)\s+$", re.I)  # "Another four residents were wounded"
_PUT_IN_HOSPITAL = re.compile(r"\b(?:put|sent|landed)\s+" + _Q + _N + r"(?:\s+(?:more\s+)?(?:people|civilians|residents|others|men|"
                              r"women|children))?(?:,?\s+aged\s+#+(?:\s+and\s+#+)?,)?\s+(?:in|into|to)\s+(?:the\s+)?"
                              r"(?:hospitals?|intensive\s+care)\b", re.I)  # "sent two men, aged 50 and 53, to hospital"
_SEEK_HELP = re.compile(r"\b(?:led|prompted|caused|forced|sent)\s+" + _Q + _N + r"\s+(?:[\w-]+\s+){0,2}?" + _PEOPLE +
                        r"(?:,[^,;]{1,80},)?\s+to\s+(?:seek|need|receive)\s+medical\s+(?:help|attention|care|assistance|treatment)\b",
                        re.I)
# "has now claimed the lives of three people", "took the lives of 12", "claimed 25 lives": as many killed
_LIVES = re.compile(r"\b(?:claim|claimed|claiming|claims|took|taken|taking|takes)\s+(?:the\s+)?lives\s+of\s+" + _Q + _N + r"\b|"
                    r"\b(?:claim|claimed|claiming|claims|took|taken|taking|takes)\s+" + _Q.replace("q>", "q2>") +
                    _N.replace("n>", "n2>") + r"\s+(?:more\s+)?(?:civilian\s+|human\s+)?lives\b", re.I)
# "Medical help was also sought by 120 people": as many injured
_SOUGHT_BY = re.compile(r"\bmedical\s+(?:help|attention|care|assistance|treatment)\s+(?:was|were|has\s+been|had\s+been)\s+"
                        r"(?:also\s+)?sought\s+by\s+" + _Q + _N, re.I)
_AGED_ONE = re.compile(r"\b(?P<verb>killing|killed|injuring|injured|wounding|wounded)\s+(?:a|an)\s+#+-year-old\b(?![\w-])"
                       r"(?!\s+(?:[a-z][\w-]*\s+){0,2}?(?:man|woman|boy|girl|resident|child|driver|pensioner)\b)", re.I)
_TREATED = re.compile(r"\b(?:another|one|a)\s+(?:(?:person|man|woman|resident|civilian|child|boy|girl)\s+)?(?:was|has\s+been)\s+"
                      r"(?:(?:taken|rushed|brought|admitted)\s+to\s+(?:a\s+|the\s+)?(?:local\s+|city\s+)?hospital|treated\s+"
                      r"(?:\w+\s+){0,3}?(?:at|on)\s+the\s+(?:scene|spot|site)|treated\s+on\s+(?:site|the\s+spot)|pulled\s+out\s+"
                      r"(?:alive\s+)?(?:[^.;]{0,40}?\s+)?and\s+(?:is|was)\s+(?:being\s+)?(?:treated|hospitalized))\b|"
                      # "One person was hospitalized, while another received treatment from emergency workers on the spot"
                      r"\banother\s+(?:person\s+)?received\s+(?:medical\s+)?(?:treatment|assistance|aid|help)\b|"
                      r"\bleft\s+(?:another|one|a|an)\s+(?:[\w#-]+\s+){0,2}?(?:(?:seriously|severely|critically|lightly)\s+)?"
                      r"(?:injured|wounded|hurt)\b", re.I)
_PERSON = (r"(?:man|woman|boy|girl|child|teenager|resident|civilian|pensioner|driver|worker|employee|volunteer|"
           r"rescuer|medic|officer|farmer|infant|baby|mother|father|son|daughter|wife|husband|brother|sister|"
           r"grandmother|grandfather|grandson|granddaughter|neighbor)")
_ONE_OF = r"(?:a|an|one|another|her|his|their)\s+(?:[\w#-]+\s+){0,2}?" + _PERSON
# persons one by one, each with its article and its age if told: "a 13-year-old boy, a man", "a woman aged 81"
_PERSONS = r"(?:a|an|one)\s+(?:[\w#-]+\s+){0,2}?" + _PERSON + _AGED + r"(?:,\s+" + _ONE_OF + _AGED + r"){0,6}"
_AND_PERSON = r",?\s+and\s+" + _ONE_OF + _AGED
# "A woman aged 81 and a man aged 68 died on the spot", "a woman and a man, aged 52 and 55, were injured": one each
_ONES = re.compile(r"\b(?P<who>" + _PERSONS + _AND_PERSON + r")(?:,?\s+aged\s+#+(?:,\s+#+){0,5},?\s+and\s+#+,?|"
                   r",\s+(?:two|both|2)\s+[^,;]{1,40},)?\s+"  # "A man and a woman, two of her colleagues, were wounded"
                   r"(?:(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?P<verb>killed|injured|wounded|hurt|hospitalized)\b|"
                   r"(?:both\s+)?(?P<died>died)\b|(?:both\s+)?(?P<hurt>(?:suffered|sustained|received)(?:\s+[\w-]+){0,2}\s+"
                   r"(?:injuries|wounds|burns))\b)", re.I)
# "A 14-year-old girl, an 84-year-old man and two women were also injured": one each, and the group
_ONES_AND_N = re.compile(r"\b(?P<who>" + _PERSONS + r"),?\s+and\s+(?P<n>\d+)\s+(?:(?:other|more|elderly|young|local)\s+)?"
                         r"(?:men|women|children|boys|girls|teenagers|people|residents|civilians)\s+(?:were|have\s+been|had\s+been)\s+"
                         r"(?:\w+\s+)?(?P<verb>killed|injured|wounded|hurt)\b", re.I)
# "A 40-year-old man and women aged 32, 45, and 50 were injured": the one and as many as the ages told
_AGED_GROUP = re.compile(r"(?:\b(?P<who>" + _PERSONS + r")\s+and\s+)?\b(?:(?:elderly|young|local)\s+)?(?:men|women|people|children|"
                         r"boys|girls|residents|civilians|pensioners)\s+aged\s+(?P<ages>#+(?:(?:,\s+|,?\s+and\s+)#+){1,8})\s+"
                         r"(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?P<verb>killed|injured|wounded|hurt)\b", re.I)
# "A married couple and their two young children were killed": two and the children
_COUPLE_AND_N = re.compile(r"\b(?:a|an|the)\s+(?:\w+\s+)?couple\s+and\s+(?:their\s+)?(?P<m>\d+)\s+(?:[\w-]+\s+)?(?:children|sons|"
                           r"daughters|kids|grandchildren)\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?"
                           r"(?P<verb>killed|injured|wounded|hurt)\b", re.I)
# "The bodies of a 35-year-old man and his 4-year-old son were found": one dead each
_BODIES_OF = re.compile(r"\bbodies\s+of\s+(?P<who>" + _PERSONS + _AND_PERSON + r")", re.I)
# "A brother and sister were shot dead", "a mother and her son were injured": two
_KIN_PAIR = re.compile(r"\b(?:a|an|the)\s+(?:[\w#-]+\s+)?(?:brother|sister|mother|father|husband|wife|son|daughter|grandmother|"
                       r"grandfather|man|woman)\s+and\s+(?:his\s+|her\s+|their\s+)?(?:brother|sister|mother|father|husband|wife|"
                       r"son|daughter|grandson|granddaughter|child)\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?"
                       r"(?P<verb>killed|injured|wounded|hurt|shot\s+dead)\b", re.I)
# "left two women and a man injured": the group and one
_LEFT_GROUP_AND_ONE = re.compile(r"\b(?:leaving|left)\s+(?P<n>\d+)\s+(?:[\w-]+\s+)?(?:men|women|people|children|civilians|residents)\s+"
                                 r"and\s+(?:a|an)\s+(?:[\w#-]+\s+){0,2}?" + _ONE_NOUN + r"\s+" + _HOW_BADLY +
                                 r"(?P<verb>injured|wounded|hurt|dead)\b", re.I)
# "leaving a 66-year-old man and a 64-year-old woman injured", "left a … woman and a … man with blast injuries": one each
_LEFT_ONES = re.compile(r"\b(?:leaving|left)\s+(?P<who>" + _PERSONS + r"(?:" + _AND_PERSON + r")?)\s+(?:(?:(?:seriously|"
                        r"severely|critically|lightly|badly)\s+)?(?P<verb>injured|wounded|hurt|dead)\b|" + _WITH_WOUNDS + r")",
                        re.I)
_ARTICLE = re.compile(r"\b(?:a|an|one|another|her|his|their)\s", re.I)
_PLACE_NAME = re.compile(_NAME)
# what a revised toll names: "the death toll", "the number of people killed"
_TOLL_NOUN = (r"death\s+toll|(?:injury|injuries|wounded)\s+toll|toll|number\s+(?:of\s+(?:people\s+|civilians\s+)?(?:(?:known|confirmed|"
              r"reported)\s+to\s+have\s+been\s+|confirmed\s+)?)?(?:killed|dead|victims|fatalities|deaths|injured|wounded|hurt|"
              r"casualties|injuries)")  # "number of people killed", a title's "Number killed"
_REVISED = re.compile(r"\b(?P<what>" + _TOLL_NOUN + r"|number\s+of\s+(?:the\s+)?(?:injured|wounded|dead))\b"
                      r"(?:\s+[\w'’.,#-]+){0,20}?\s+(?:has\s+|had\s+|have\s+)?(?:since\s+)?(?:been\s+(?:raised|revised|"
                      r"updated)|rose|risen|rises|climbed|increased|"
                      r"grew|grown|reached|jumped|stands\s+at|stood\s+at|is\s+now|now\s+stands\s+at|went\s+up|(?<=so far )is|"
                      r"climbs|increases|reaches|rising|climbing)(?:\s+(?:again|further|once\s+more),?)?\s+(?:to\s+)?" + _Q + _N,
                      re.I)  # "has risen again, to nine"
# "raising the number of people killed in the July 8 attack to 27", "bringing the death toll to 9"
_RAISING = re.compile(r"\b(?:raising|bringing|pushing|taking|lifting|raises|brings|pushes|takes|raised|brought|pushed)\s+(?:the\s+)?(?P<what>(?:overall\s+|total\s+)?"
                      r"(?:" + _TOLL_NOUN + r"))\b(?:\s+[\w'’.,#-]+){0,12}?\s+to\s+" + _Q + _N, re.I)
# "The latest information puts the number of injured in the strike at no fewer than six": a revised toll
_PUTS_AT = re.compile(r"\b(?:puts?|placed?|places)\s+the\s+(?P<what>" + _TOLL_NOUN + r")\b(?:\s+[\w'’.,#-]+){0,8}?\s+at\s+" +
                      _Q + _N, re.I)
# "The Interior Ministry later updated the figure, saying six people had been injured": what it says is a revision
_UPDATED_FIGURE = re.compile(r"\b(?:updated|revised|raised|corrected)\s+(?:the|its|that|this|their)\s+(?:figures?|toll|"
                             r"numbers?|count)\b,?\s+(?:saying|to\s+say|reporting|to)\b|"
                             # "The figure was later updated by the Interior Ministry, which said six people had been injured"
                             r"\b(?:figures?|toll|numbers?|count)\s+(?:was|were|has\s+been|had\s+been)\s+(?:later\s+|since\s+)?"
                             r"(?:updated|revised|raised|corrected)\b", re.I)
# the second of two people, its verb's "was" left out: "a 65-year-old woman was killed and a 27-year-old man injured"
_AND_ONE_HURT = re.compile(r"\b(?:was|were)\s+(?:killed|injured|wounded|hurt)\s+and\s+(?P<who>(?:a|an|another|one|her|his|their)\s+"
                           r"(?:[\w#-]+\s+){0,3}?" + _ONE_NOUN + r"|another)(?:,\s+[^,;]{1,30},\s+(?:was|has\s+been)\b)?\s+"
                           + _HOW_BADLY + r"(?P<verb>injured|wounded|hurt|killed|hospitalized)\b")
_KIND_AFTER = re.compile(r"\s+(?:people\s+|persons\s+|civilians\s+)?(injured|wounded|hurt|killed|dead)\b", re.I)
_ELLIPTIC = re.compile(r"(?:\b(?P<n>\d+)(?:\s+(?:more|others?|people))?|\b(?P<another>another(?:\s+(?:one|person))?))"
                       r"\s+(?:in|near|at)\s+(?:the\s+)?(?:\w+\s+of\s+)?(?P<place>[A-Z][\w'-]+)")
_CHILDREN = re.compile(r"\b(?:including|among\s+them|among\s+those|of\s+whom|among\s+the\s+\w+\s+(?:are|were))\s+"
                       r"(?P<n>\d+)\s+(?:children|child|minors?|kids?|teenagers?)|\b(?P<m>\d+)\s+(?:of\s+them\s+)?"
                       r"(?:were\s+|are\s+)?(?:children|minors)\b", re.I)
# a count that is part of one stated before: never a statement of its own
_VERB_BEFORE = re.compile(r"\b(?:killing|killed|injuring|injured|wounding|wounded)\s+$", re.I)
_SUBSET = re.compile(r"\b\d+\s+(?:of\s+(?:them|whom|those|the\s+\w+)|among\s+them)\b|\b(?:including|among\s+them|"
                     r"among\s+whom)\s+(?:at\s+least\s+)?(?:\d+\b|(?:a|an)\s+[\w#-]+(?:\s+[\w-]+)?)", re.I)
_NONE = re.compile(r"\b(?P<all>(?:neither|nor)\b[^.;]{0,60}?\breported\s+any\s+(?:[\w-]+\s+or\s+)?(?:casualties|injuries)\b|"
                   r"(?:did|had|have|has)\s+not\s+(?:cause[ds]?|result(?:ed)?\s+in|le[da]\s+to)\s+(?:any\s+)?(?:casualties|injuries)\b|"
                   r"(?:no\s*(?:one|body)|nobody)\s+(?:(?:was|were|has\s+been|had\s+been)\s+(?:reported(?:ly)?\s+)?)?(?:(?:killed|dead)\s+or\s+)?"
                   r"(?:hurt|injured|wounded|harmed)|casualties\s+were\s+avoided|"
                   r"none\s+of\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:was|were)\s+(?:reported(?:ly)?\s+)?(?:hurt|injured|"
                   r"wounded|harmed)|"
                   r"(?:no|neither|nor|without|not\s+(?:yet\s+)?report(?:ed)?)\b(?!\s+(?:disclosing|giving|specifying|providing|"
                   r"saying|naming|stating|confirmation|information|details|data|word|official|immediate\s+"
                   r"information|further\s+(?:information|details|data|word|reports?|figures?)|figures?|numbers?|count|mention(?:ing|s)?))(?:\s+[\w-]+){0,4}?\s+(?:(?:killed|dead)\s+or\s+)?(?:casualties|injuries|"
                   r"victims|injured|hurt)\b)|"
                   r"\b(?P<killed>nobody\s+was\s+(?:reported(?:ly)?\s+)?killed|killed\s+nobody|no\s+(?:deaths|fatalities)|no\s+(?:one|people)\s+(?:was|were|has\s+been|had\s+been)"
                   r"\s+(?:reported(?:ly)?\s+)?killed)", re.I)
_EARLIER_FIGURE = re.compile(r"\b(?:updating\s+|revising\s+)?(?:an\s+|the\s+|its\s+)?(?:earlier|previous|initial|"
                             r"preliminary)\s+(?:death\s+)?(?:toll|figure|count|report|reports)s?\s+of\s+(?:at\s+least\s+)?"
                             r"[\w-]+|\bup\s+from\s+(?:at\s+least\s+)?\d+|\bfrom\s+(?:the\s+)?(?:previously\s+reported\s+)?"
                             r"\d+(?=\s+(?:to|reported))", re.I)
# substring tests (lower case): a sentence the rules read at all has a word of killing, injuring, a toll or none
CUES = ("kill", "dead", "die", "death", "perish", "lives", "life", "injur", "wound", "hurt", "hospital", "treated", "toll",
        "casualt", "nobody", "no one", "no-one", "fatalit", "victim", "left", "sought medical", "sought by", "bod", "succumb")
EARLIER_HINTS = ("earlier", "previous", "initial", "preliminary", "up from", "from ")
NONE_HINTS = ("no ", "nobody", "none of", "neither", "nor ", "without", "not report", "avoided", "not cause", "not result",
              "not le")
_ROUNDUP = re.compile(r"\b(?:past|last)\s+(?:day|(?:24|##)\s+hours)\b|\bover\s+the\s+day\b|\b\d+\s+(?:of\s+Ukraine's\s+)?oblasts\b|"
                      r"\bacross\s+Ukraine\b|\bacross\s+the\s+country\b|\bnationwide\b|\bregions\b|\boblasts\b", re.I)


# a "no casualties" of some places only: the oblasts a roundup lists, "the city" of one strike in an air report
_LOCAL_NONE = re.compile(r"\boblasts\b|\bregions\b|\b(?:the|that|this)\s+(?:city|capital|town|village|oblast|region|"
                         r"district|community)\s+(?:reported|said|saw|had)\b|\b(?:casualties|injuries)\s+there\b|\bat\s+the\s+(?:sites?|plants?|facilit(?:y|ies)|"
                         r"stations?|enterprises?)\b|\bin\s+the\s+(?:oblast|"
                         r"region|city|capital|town|village|district|community)\b|\bnone\s+of\b", re.I)  # "None of the patients were hurt"
# a relative clause: "Attacks also hit 7 oblasts, where no casualties were reported" (a none in it is of those places;
# not "The strike on Dnipro, which injured five, killed nobody")
_RELATIVE = re.compile(r",\s+(?:where|which)\b[^,;]*")
# a "no one was hurt" retold as an earlier report, since revised: "Earlier reports had said no one was hurt"
# (not "Preliminary information indicated no casualties": the item's own, first word)
_RETRACTED = re.compile(r"\b(?:earlier|initial|first)\s+(?:reports?|information)\s+(?:had\s+)?(?:said|indicated|"
                        r"suggested)\b|\bpreliminary\s+(?:reports?|information)\s+had\s+(?:said|indicated|suggested)\b|"
                        r"\bhad\s+(?:initially|earlier|first)\s+(?:said|reported)\b", re.I)
_NATIONAL = re.compile(r"\b(?:across|on|against|in|at)\s+Ukraine\b|\bacross\s+the\s+country\b|\bnationwide\b", re.I)
_SEVERAL = re.compile(r"\b(?:attacks|strikes)\s+(?:on|in|against|across)\b", re.I)  # a title of several attacks
# Ukraine's own strike: the dead it tells are Russia's ("Ukrainian troops fired two HIMARS missiles at a Russian military
# training ground …, killing at least 60")
_UKRAINE_STRUCK = re.compile(r"^(?:[^,;]{0,60},\s+)?(?:the\s+)?Ukrain(?:e's|ian)\s+(?:[\w-]+\s+){0,2}?(?:troops|forces|military|"
                             r"army|soldiers|drones?|artillery|missiles?|HIMARS|defenders|units?|navy|brigade)\s+(?:[\w-]+\s+)?"
                             r"(?:fired|struck|hit|attacked|launched|shelled|targeted|destroyed|bombed)\b", re.I)
_THAT_DAY_START = re.compile(r"(?:On\s+)?(?:that|the\s+same)\s+day\b", re.I)  # "On that day, Moscow's forces launched 28 drones at
# Kyiv, killing five": the day the sentence before told, another attack's
_IN_OBLAST_FIRST = re.compile(r"\b[Ii]n\s+(?:[A-Z][\w'’-]+\s+){1,2}(?:Oblast|oblast|region)\b")
_PAST_DAY = re.compile(r"\b(?:past|previous|last)\s+(?:day|(?:24|##)\s+hours)\b|\bover\s+the\s+day\b", re.I)


@dataclass
class Mention:
    kind: str
    n: int
    at_least: bool = False
    sentence: int = 0
    revised: bool = False
    region: str | None = None  # ISO 3166-2 code, when the statement is of one region
    place: str | None = None  # the settlement or district it is of, if any
    children: int | None = None
    evidence: str = ""  # the sentence it was read from
    start: int = 0  # where that sentence starts in the body (-1: the title)
    day: date | None = None  # the attack's day, where the sentence names it
    more: bool = False  # told as more than a figure before ("and injured 5 more people", "10 more were injured")
    hospital: bool = False  # told as taken to hospital ("59 people were hospitalized"): of the injured told before
    elsewhere: bool = False  # of another part of the place, in the same attack: added to the figure told before


@dataclass
class Reading:
    mentions: list[Mention] = field(default_factory=list)
    none: dict[str, bool] = field(default_factory=dict)  # kind -> "no casualties" said of the attack
    none_evidence: tuple[str, int] | None = None
    opening: int | None = None  # the first sentence with a statement
    roundup_cue: bool = False
    lead: str = ""  # the title and the sentences up to the opening statement: where a single attack's place is
    # a toll the body tells of another time: then the title is read only where it states figures ("19 killed, 54
    # injured as rescue operations after Kharkiv hypermarket attack end": the attack the whole item is of)
    background: bool = False
    day: date | None = None  # the item's attack day


def _none_of(m) -> tuple[str, ...]:
    """The kinds a match of ``_NONE`` says there were none of: "no casualties" both, "nobody was killed" one."""
    return (KILLED, INJURED) if m.group("all") else (KILLED,)


def _of_another(m) -> bool:
    """Whether a statement of one person opens with "another" ("another woman died in hospital"): one more."""
    return m.group(0)[:7].lower() == "another"


def _kind(verb: str) -> str:
    """The kind a verb tells: killed ("killed", "died", "the bodies of") or injured."""
    return KILLED if re.match(_KILL, verb, re.I) or verb[:3].lower() == "bod" or verb.lower().endswith("dead") else INJURED


def _at_least(q: str | None) -> bool:
    return bool(q) and q.split()[0].lower() in ("at", "more", "over", "no")


def _ambiguous(place) -> bool:
    """Whether settlements of other regions bear the name of ``place`` (then the article's lead tells which is
    meant; namesakes in one region give the same answer)."""
    if place.kind not in ("settlement", "city district"):
        return False
    return len({tuple(c.place.regions) for c in _settlements(place.name)}) > 1


def _settlements(name: str):
    """The gazetteer's settlements called ``name`` (candidates, the primary names first)."""
    from kyivind.places.gazetteer import fold, gazetteer

    return gazetteer().settlements.get(fold(name), ())


_MOSCOW_ACTS = re.compile(r"\bMoscow(?='s\s+(?:claims?|truce|offer|demands?|forces|troops|army|war)\b|\s+(?:had|has|have|said|"
                          r"says|claimed|claims|announced|declared|denied|would|will|wants|insists|agreed|refused|"
                          r"rejected|launched|ordered)\b)")


def where(text: str, resolved: dict) -> tuple[str | None, str | None, set[str]]:
    """(region code, settlement or district, all regions) a piece of text names; a name several places bear is
    the one the whole article means (``resolved``: name -> place, the matcher's reading of the article)."""
    from kyivind.places.matcher import match

    memo = getattr(resolved, "memo", None)
    if memo is not None and text in memo:
        return memo[text]
    if "Moscow" in text:
        text = _MOSCOW_ACTS.sub("Russia", text)  # "the truce Moscow had announced": the state, not the city
    found = [resolved.get(p.name, p) if _ambiguous(p) else p for p in match(None, text).places]
    if memo is not None:
        memo[text] = answer = _where(found, text)
        return answer
    return _where(found, text)


def _said_in_oblast(name: str, text: str | None) -> bool:
    """Whether ``text`` says ``name`` is in an oblast ("Makiivka in Luhansk Oblast")."""
    return text is not None and re.search(re.escape(name) + r"\s+in\s+(?:the\s+)?[A-Z][\w'’-]+\s+(?:Oblast|oblast|region)\b",
                                          text) is not None


def _where(found: list, text: str | None = None) -> tuple[str | None, str | None, set[str]]:
    settlements = list({p.id: p for p in found if p.kind in ("settlement", "city district")}.values())
    regions = {code for p in found for code in p.regions}
    place = settlements[0] if len(settlements) == 1 else None
    named = {code for p in found if p.kind == "region" for code in p.regions}
    if place is not None and len(named) == 1 and not named & set(place.regions) and (
            _namesake_in(place, named) or _said_in_oblast(place.name, text)):
        return next(iter(named)), None, named  # "Makiivka in Luhansk Oblast": the oblast named, not a namesake
    region = place.regions[0] if place is not None else (next(iter(regions)) if len(regions) == 1 else None)
    return region, (place.name if place else None), regions


_IN_PLACE = re.compile(r"\s+(?:(?:people|persons?|civilians?|residents?)\s+)?in\s+(?!(?:Russian|Ukrainian|Russia|Ukraine|"
                       r"Telegram|Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)\b)"
                       r"(?P<name>[A-Z][\w'’-]+(?:\s+(?!(?:Oblast|Krai)\b)[A-Z][\w'’-]+)?)"
                       r"(?![\w'’-])(?!\s+(?:Oblast|oblast|region|Krai|district))")


def _has_settlement(name: str, region: str) -> bool:
    """Whether a settlement called ``name`` lies in ``region``."""
    return any(region in c.place.regions for c in _settlements(name))


def small_place(name: str) -> bool:
    """Whether every settlement called ``name`` is a village or small town (then a roundup's sentence that names it
    without an oblast means the oblast told just before: GeoNames does not know every village of that name)."""
    found = _settlements(name)
    return bool(found) and all((c.place.population or 0) < SMALL_PLACE for c in found)


SMALL_PLACE = 50_000  # people: a settlement below this is never the only one of its name a roundup can mean


def _namesake_in(place, regions: set[str]) -> bool:
    """Whether a settlement of ``place``'s name lies in one of ``regions``."""
    return any(set(c.place.regions) & regions for c in _settlements(place.name))


_VILLAGE = re.compile(r"\b(?:village|town|city|settlement|community|district|suburb)\s+of\s+(?P<name>[A-Z][\w'’-]+"
                      r"(?:\s+[A-Z][\w'’-]+)?)")
_RUSSIA = re.compile(r"\bRussia\b(?!'s\s+(?:attack|strike|forces|troops|war|army|military))")



LEAD_CHARS = 2000  # of the body read to tell which of several namesakes the article means (its lead names the region)


class _Resolved(dict):
    """name -> the place the article means by it, read once, when the first statement needs it."""

    def __init__(self, title: str | None, body: str | None):
        super().__init__()
        self.texts, self.done = (title, body), False
        self.memo: dict[str, tuple] = {}  # text -> where(text), within one article

    def get(self, name, default=None):
        if not self.done:
            from kyivind.places.matcher import match

            self.done = True
            title, body = self.texts
            for place in match(title, (body or "")[:LEAD_CHARS]).places:  # "Yampil’" is "Yampil" in the text
                self[place.name] = place
                self.setdefault(place.name.rstrip("’'ʼ"), place)
        return super().get(name, default)


_OF_THOSE = ("among them,", "among them ", "of them,", "among those", "of those injured", "of those killed", "of the injured",
             "among the injured", "among the dead", "among the killed", "among the wounded")


def _statements(text: str, number: int, resolved: dict) -> list[Mention]:
    """The casualty statements of one sentence (numbers in figures, the numbers that are no count masked), with
    the place each is of."""
    found: list[tuple[int, int, Mention]] = []  # (start, end, mention)
    taken: list[tuple[int, int]] = []
    lower = text.lower()
    if lower.startswith(_OF_THOSE):
        return []  # "Among them, a 59-year-old man and two women were hurt in …": those told before
    digits = DIGIT.search(text) is not None
    parts = [m.span() for m in _SUBSET.finditer(text) if not _VERB_BEFORE.search(text, max(0, m.start() - 12), m.start())
             ] if has_any(lower, (" of ", "among", "including")) else []

    def free(start: int, end: int, whole: bool = False) -> bool:
        for a, b in () if whole else parts:  # a count inside "including 3 children", "12 of them" is part of one before
            if a <= start < b:
                return False
        for a, b in taken:
            if not (end <= a or start >= b):
                return False
        return True

    def keep(start: int, end: int, mention: Mention, whole: bool = False) -> None:
        """``whole``: the count is the whole its part is told of ("two of the three people hurt"), inside that part."""
        if free(start, end, whole):
            taken.append((start, end))
            found.append((start, end, mention))

    revised = _REVISED.finditer(text) if digits and has_any(lower, ("toll", "number ")) else ()
    raised = _RAISING.finditer(text) if digits and has_any(lower, RAISING_HINTS) else ()
    put = _PUTS_AT.finditer(text) if digits and has_any(lower, ("put", "place")) else ()
    for m in (*revised, *raised, *put):
        what = m.group("what").lower()
        after = _KIND_AFTER.match(text, m.end())  # "Toll rises to 4 injured": the word after the figure tells
        kind = INJURED if ("injur" in what or "wounded" in what or "hurt" in what or (after is not None and after.group(1).lower() in (
            "injured", "wounded", "hurt"))) else KILLED
        keep(m.start("n"), m.end(), Mention(kind, int(m.group("n")), _at_least(m.group("q")), number, revised=True))
    for m in _COUPLE_AND_N.finditer(text) if "couple" in lower and digits else ():
        keep(m.start(), m.end(), Mention(_kind(m.group("verb")), 2 + int(m.group("m")), False, number))
    for m in _ONES_AND_N.finditer(text) if digits and " and " in lower else ():
        keep(m.start(), m.end(), Mention(_kind(m.group("verb")), len(_ARTICLE.findall(m.group("who"))) + int(m.group("n")),
                                         False, number))
    for m in _GROUPS.finditer(text) if digits and ", " in text else ():
        keep(m.start(), m.end(), Mention(_kind(m.group("verb")), sum(map(int, re.findall(r"\d+", m.group("list")))) +
                                         bool(m.group("one")),
                                         False, number))
    for m in _THE_N.finditer(text) if "of the " in lower and digits else ():
        keep(m.start("n"), m.end(), Mention(_kind(m.group("verb")), int(m.group("n")), False, number), whole=True)
    for m in _ANOTHER_WAS.finditer(text) if "another" in lower else ():
        keep(m.start(), m.end(), Mention(_kind(m.group("verb")), 1, False, number, more=True))
    for m in _KIN.finditer(text) if has_any(lower, ("'s ", "’s ", "his ", "her ", "their ")) else ():
        keep(m.start(), m.end(), Mention(_kind(m.group("verb")), 1, False, number, more=True))
    for m in _NAMED_AGED.finditer(text) if digits and ", " in text else ():  # "Denys Zhurba, 18, had died"
        keep(m.start(), m.end(), Mention(_kind(m.group("verb")), 1, False, number))
    for m in _ONE_AND_GROUP.finditer(text) if digits and " and " in text else ():
        keep(m.start(), m.end(), Mention(_kind(m.group("verb")), int(m.group("m")) + 1, False, number))
    for m in _GROUP_AND_ONE.finditer(text) if digits and " and " in text else ():
        keep(m.start("n"), m.end(), Mention(_kind(m.group("verb")), int(m.group("n")) + 1, False, number))
    for m in _TWO_GROUPS.finditer(text) if digits and " and " in text else ():
        keep(m.start("n"), m.end(), Mention(_kind(m.group("verb")), int(m.group("n")) + (int(m.group("m")) if m.group("m").isdigit() else 1), False, number))
    for m in _VERB_FIRST.finditer(text) if digits else ():
        verb = m.group("verb").lower()
        if verb in ("leaving", "left"):
            if not m.group("dead"):
                continue
            verb = m.group("dead").strip()
        keep(m.start("n"), m.end(), Mention(_kind(verb), int(m.group("n")), _at_least(m.group("q")), number,
                                            more=bool(_MORE.search(m.group(0)))))
    for m in _NUMBER_FIRST.finditer(text) if digits else ():
        if "die" in lower and not _FINITE.search(m.group(0)) and _DIED_SINCE.match(text, m.end()):
            continue  # "Three people wounded in the Sept. 3 attack have died in hospital": those are dead now
        if has_any(lower, ("still", "remain")) and not _FINITE.search(m.group(0)) and _STILL_IN_HOSPITAL.match(text, m.end()):
            continue  # "54 people wounded in the attack are still in hospital": a part of the wounded, no toll
        keep(m.start("n"), m.end(), Mention(_kind(m.group("verb")), int(m.group("n")), _at_least(m.group("q")),
                                            number, more=bool(_MORE.search(m.group(0))) and not _KIND_AND.search(
                                                text, max(0, m.start() - 30), m.start()) or bool(
                                                _ANOTHER_BEFORE.search(text, max(0, m.start() - 16), m.start())),
                                            hospital="hospital" in m.group("verb").lower()))
    for m in _LEFT_GROUP_AND_ONE.finditer(text) if digits and ("leaving" in lower or "left" in lower) else ():
        keep(m.start(), m.end(), Mention(_kind(m.group("verb")), int(m.group("n")) + 1, False, number))
    for m in _LEFT_ONES.finditer(text) if "leaving" in lower or "left" in lower else ():
        # "leaving a 66-year-old man and a 64-year-old woman injured": one for each
        keep(m.start(), m.end(), Mention(_kind(m.group("verb") or "injured"), len(_ARTICLE.findall(m.group("who"))), False,
                                         number))
    for m in _TREATED.finditer(text) if has_any(lower, ("hospital", "treated", "left ")) else ():
        # "another was taken to a local hospital", "one person was treated at the scene": one injured each
        keep(m.start(), m.end(), Mention(INJURED, 1, False, number, more="another" in m.group(0)[:13].lower()))
    for m in _ANOTHER_ONE.finditer(text) if "another" in lower or "the " in lower else ():  # "killing 1 person and wounding another"
        keep(m.start(), m.end(), Mention(_kind(m.group("verb") or "injured"), 1, False, number, more=True))
    for m in _COUPLE.finditer(text) if "couple" in lower else ():
        keep(m.start(), m.end(), Mention(_kind(m.group("verb") or m.group("verb2")), 2, False, number))
    for m in _DIED_LATER.finditer(text) if has_any(lower, ("died", "succumbed")) and has_any(lower, ("injur", "wound", "hurt")) else ():
        if m.group("who").lower() not in _NOT_PEOPLE:
            keep(m.start(), m.end(), Mention(KILLED, 1, False, number, more=_of_another(m)))
    for m in _PUT_IN_HOSPITAL.finditer(text) if "hospital" in lower and digits else ():  # "put 14 in hospital"
        keep(m.start("n"), m.end(), Mention(INJURED, int(m.group("n")), _at_least(m.group("q")), number, hospital=True))
    for m in _SEEK_HELP.finditer(text) if "medical" in lower and digits else ():  # "led 22 people … to seek medical help"
        keep(m.start("n"), m.end(), Mention(INJURED, int(m.group("n")), _at_least(m.group("q")), number))
    for m in _LIVES.finditer(text) if "lives" in lower and digits else ():  # "claimed the lives of three people"
        n, q = ("n", "q") if m.group("n") else ("n2", "q2")
        keep(m.start(n), m.end(), Mention(KILLED, int(m.group(n)), _at_least(m.group(q)), number))
    for m in _SOUGHT_BY.finditer(text) if "sought by" in lower and digits else ():  # "… was also sought by 120 people"
        keep(m.start("n"), m.end(), Mention(INJURED, int(m.group("n")), _at_least(m.group("q")), number))
    for m in _AND_ONE_HURT.finditer(text) if " and " in lower else ():  # "a woman was killed and a man injured"
        keep(m.start("who"), m.end(), Mention(_kind(m.group("verb")), 1, False, number))
    for m in _LEFT_WITH.finditer(text) if "left" in lower or "leaving" in lower else ():
        keep(m.start(), m.end(), Mention(INJURED, int(m.group("n")) if m.group("n") else 1, False, number))
    for m in _NAMED_ONE.finditer(text) if ", a" in text or ", the" in text else ():  # "killed Ryan Evans, a British …"
        keep(m.start(), m.end(), Mention(_kind(m.group("verb")), 1, False, number))
    for m in _ROLE_NAMED.finditer(text) if "ing " in lower or "ed " in lower else ():
        # "killing police officer Andrii Matvienko", "fatally wounding her"
        keep(m.start(), m.end(), Mention(KILLED if m.group("fatal") else _kind(m.group("verb")), 1, False, number))
    for m in _NAMED_WAS.finditer(text) if " was " in lower else ():  # "Police officer Andrii Matvienko was killed"
        keep(m.start(), m.end(), Mention(KILLED if _FATALLY.search(m.group(0)) else _kind(m.group("verb")), 1, False, number))
    for m in _HE_HURT.finditer(text) if "he " in lower or "sustained a" in lower or "suffered a" in lower else ():  # "Locatelli said he suffered a minor injury"
        keep(m.start(), m.end(), Mention(INJURED, 1, False, number))
    for m in _AGED_ONE.finditer(text) if "-year-old" in lower else ():  # "wounding a 69-year-old"
        keep(m.start(), m.end(), Mention(_kind(m.group("verb")), 1, False, number))
    for m in _BODIES_OF.finditer(text) if "bodies of" in lower else ():
        keep(m.start(), m.end(), Mention(KILLED, len(_ARTICLE.findall(m.group("who"))), False, number))
    for m in _KIN_PAIR.finditer(text) if " and " in lower else ():
        keep(m.start(), m.end(), Mention(_kind(m.group("verb")), 2, False, number))
    for m in _AGED_GROUP.finditer(text) if "aged" in lower else ():
        keep(m.start(), m.end(), Mention(_kind(m.group("verb")), len(_AGES.findall(m.group("ages"))) + (
            len(_ARTICLE.findall(m.group("who"))) if m.group("who") else 0), False, number))
    for m in _ONES.finditer(text) if " and " in lower else ():
        # "A 13-year-old boy, a man, and a woman were wounded": one for each
        keep(m.start(), m.end(), Mention(_kind(m.group("verb") or m.group("died") or "injured"), len(_ARTICLE.findall(m.group("who"))),
                                         False, number))
    for pattern in (_ONE_VERB_FIRST, _ONE, _WITH_ONE, _WHO_DIED) if has_any(lower, ONE_HINTS) else ():
        for m in pattern.finditer(text):
            if "who2" in pattern.groupindex and (m.group("who") or m.group("who2")).lower() in _NOT_PEOPLE:
                continue
            verb = m.group("verb") or ("died" if "die" in pattern.groupindex and m.group("die") else None) or \
                (m.group("hurt") if "hurt" in pattern.groupindex else None)
            also = " also " in m.group(0).lower() or text[max(0, m.start() - 6):m.start()].lower() == " also "
            if "ally " in m.group(0) and _FATALLY.search(m.group(0)):
                verb = "killed"  # "The driver, a man born in 1990, was fatally wounded": one dead
            keep(m.start(), m.end(), Mention(_kind(verb), 1, False, number, more=also or _of_another(m),
                                             hospital="hospital" in verb.lower()))  # "also injured a journalist": one more
    found.sort(key=lambda f: f[0])
    done: set[int] = set()  # the statements whose continuation was read
    for _ in range(8):  # "killed a 50-year-old man and a 45-year-old woman", "injured three women, two men, and a child"
        more = False
        for start, end, mention in list(found):
            if start in done:
                continue
            done.add(start)
            m = _AND_LIST.match(text, end) if mention.n == 1 and ", a" in lower else None
            if m and free(m.start(), m.end()):
                keep(m.start(), m.end(), Mention(mention.kind, m.group("items").count(",") + 1, False, number, more=True))
                more = True
                continue
            m = _AND_ONE.match(text, end) if end - start > 6 or mention.more or mention.n > 1 else None
            if m and free(m.start(), m.end()):
                keep(m.start(), m.end(), Mention(mention.kind, 1, False, number, more=mention.more or mention.n > 1))
                more = True
                continue
            m = _AND_N.match(text, end)
            if m and free(m.start("n"), m.end()):
                keep(m.start("n"), m.end(), Mention(mention.kind, int(m.group("n")), False, number, more=True))
                more = True
                continue
            m = _COMMA_N.match(text, end) if mention.n > 1 and ", " in text and _GROUP_END.search(text, start, end) else None
            if m and free(m.start("n"), m.end()):  # "injured three women, two men, and a 4-year-old child"
                keep(m.start("n"), m.end(), Mention(mention.kind, int(m.group("n")), False, number, more=True))
                more = True
                continue
            m = _AND_N_MORE.match(text, end) if has_any(lower, (" more", " others", "another ")) else None
            n = (m.group("n") and "n" or "n2") if m else None
            if m and free(m.start(n), m.end()):  # "… and five more", "… and another five in a morning attack"
                keep(m.start(n), m.end(), Mention(mention.kind, int(m.group(n)), False, number, more=True))
                more = True
                continue
            m = _AND_AGES.match(text, end) if "aged" in lower else None
            if m and free(m.start(), m.end()):
                ages = len(_AGES.findall(m.group("ages")))
                keep(m.start(), m.end(), Mention(mention.kind, ages, False, number, more=True))
                more = True
        if not more:
            break
    found.sort(key=lambda f: f[0])
    for m in _EACH.finditer(text) if found and " each " in lower else ():
        before = [f for f in found if f[0] < m.start()]
        if before and free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            for name in _PLACE_NAME.findall(m.group("places")):  # a statement of each place, as "1 in Toretsk" is
                found.append((m.start("places"), m.end(), Mention(before[-1][2].kind, int(m.group("n")), False, number,
                                                                  place=name)))
    if found:  # "3 more in Vyshneve, and one in Avdiivka": the kind of the statement before
        for m in _ELLIPTIC.finditer(text):
            start = m.start()
            before = [f for f in found if f[0] < start]
            if before and free(start, m.end()):
                n = int(m.group("n")) if m.group("n") else 1
                keep(start, m.end(), Mention(before[-1][2].kind, n, False, number, place=m.group("place")))
        found.sort(key=lambda f: f[0])
    if not found:
        return []
    for m in _CHILDREN.finditer(text):
        before = [f for f in found if f[0] <= m.start()]
        if before:
            before[-1][2].children = int(m.group("n") or m.group("m"))
    # each statement is of the place its own stretch of the sentence names, else of the sentence's one place
    whole = where(text, resolved)
    if len(whole[2]) <= 1 and (whole[1] is not None or not _SEVERAL_PLACES.search(text)):
        for i, (_, end, mention) in enumerate(found):  # one place in the sentence (the most common case): it is
            mention.region, mention.place = whole[0], whole[1] or mention.place  # every statement's
            after = found[i + 1][0] if i + 1 < len(found) else len(text)
            village = _VILLAGE.search(text, end, after) if len(found) > 1 and " of " in text else None
            if village is not None:  # "two were wounded in the village of Zhovte and one in the town of Pokrovsk"
                mention.place = village.group("name")
            if i and "elsewhere" in text[end:after]:  # "… in Kostiantynivka, and 6 were injured elsewhere in the region"
                mention.place, mention.more = None, True
            if mention.region is not None and mention.region.startswith("RU-") and not _RUSSIA.search(text):
                mention.region, mention.place = None, None
        return _villages(text, found)
    owns = []  # the place each statement's own stretch names: "3 were wounded in Illinivka"
    for i, (start, _end, _mention) in enumerate(found):
        after = found[i + 1][0] if i + 1 < len(found) else len(text)
        cut = _CLAUSE_END.search(text, _end, after)  # "injured a woman, and strikes on Kupiansk wounded 2": its clause
        after = cut.start() if cut else after
        said = _SAID_BY.search(text, _end, after)  # "…, said Vilkul, head of Kryvyi Rih's administration": who said it
        after = said.start() if said else after
        region, place, regions = where(text[start:after], resolved)
        if len(regions) > 1:  # "16 injured when drones struck the city of Sumy and a city in Chernihiv Oblast": of both
            region, place = None, None
        if region is not None and region.startswith("RU-") and not _RUSSIA.search(text):
            region, place, regions = None, None, set()  # a Ukrainian village read as a Russian namesake
        owns.append((region, place, regions))
    for i, (start, _end, mention) in enumerate(found):
        before = found[i - 1][1] if i else 0
        region, place, regions = owns[i]
        if region is None and not regions and i + 1 < len(found) and owns[i + 1][0] is not None and \
                _PAIRED.fullmatch(text, _end, found[i + 1][0]):
            region, place = owns[i + 1][0], owns[i + 1][1]  # "killed four and injured four in Donetsk Oblast": both
        if region is None and not regions:
            region, place, regions = where(text[before:start], resolved)  # "In Donetsk Oblast, 7 were injured"
        if region is None and not regions and i:  # "X killed 1 person and injured 9 others": both of X
            region, place = found[i - 1][2].region, found[i - 1][2].place
        if region is None and not regions and len(whole[2]) <= 1:
            region, place = whole[0], whole[1]
        mention.region, mention.place = region, place or mention.place
    for i, (_start, end, mention) in enumerate(found[:-1]):  # "killing 2 and injuring 7 in Odesa": both of Odesa
        following = found[i + 1]
        if mention.region is None and following[2].region is not None and not _CLAUSE_END.search(text, end, following[0]):
            mention.region, mention.place = following[2].region, following[2].place
    return _villages(text, found)


_CLAUSE_END = re.compile(r",\s+(?:and|while|but)\s+|;\s+")
_SAID_BY = re.compile(r",\s+(?:said|says|according\s+to|wrote|reported)\b")
_PAIRED = re.compile(r"(?:\s+(?:people|persons|civilians|others|residents))?\s+and\s+(?:\w+\s+)?")  # "killed 4 and injured …"
_SEVERAL_PLACES = re.compile(r"\b(?:village|town|city|settlement|community|district|suburb)s?\s+of\b")


def _villages(text: str, found: list) -> list[Mention]:
    """The statements, each without a settlement given the village its stretch names that the gazetteer does not
    know ("the village of Verkhnia Pysarivka")."""
    if " of " in text or " in " in text:
        for i, (_start, _end, mention) in enumerate(found):
            if mention.place is None:
                before = found[i - 1][1] if i else 0
                after = found[i + 1][0] if i + 1 < len(found) else len(text)
                m = _VILLAGE.search(text, before, after) or _IN_PLACE.match(text, _end)
                if m:
                    mention.place = m.group("name")
    return [mention for _, _, mention in found]


def _prepared(sentence: str, lower: str) -> str:
    """The sentence as the rules read it: earlier figures it corrects taken out, numbers in figures, numbers that
    are no count masked."""
    if has_any(lower, EARLIER_HINTS):
        return mask(figures_in(_EARLIER_FIGURE.sub("", sentence)))
    return prepared(sentence)[1]


# a sentence that names its own day, place or attack is not the continuation of the background before it
def _own_anchor(sentence: str, told: str) -> bool:
    """Whether a sentence names a day or place of its own: not one of the other attack told just before it ("On
    April 19, a missile hit Dnipro. Rescue work in Dnipro ended with three killed": the same strike)."""
    for m in _OWN_ANCHOR.finditer(sentence):
        word = _WORD.match(sentence, m.end() - 1) if m.group(0)[-1:].isupper() else None
        if word is None or word.group(0) not in told:
            return True
    return False


# one victim told by a role and a name ("killing police officer Andrii Matvienko") or, after being told, by a pronoun
# ("targeted an elderly woman with a drone, fatally wounding her")
_ROLE_NAMED = re.compile(r"\b(?P<verb>killing|injuring|wounding)\s+(?:[a-z]+\s+){0,2}?" + _ONE_NOUN +
                         r"\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b|"
                         r"\b(?P<fatal>fatally\s+(?:wounding|injuring))\s+(?:him|her)\b")
# one person told by a role and a name, in the passive: "Police officer Andrii Matvienko was killed when two S-400 missiles …"
_NAMED_WAS = re.compile(r"\b(?:(?:[Pp]olice|[Ll]ocal|[Ee]mergency)\s+)?" + _ONE_NOUN.replace("(?:", "(?i:", 1) +
                        r"\s+(?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:was|has\s+been|had\s+been)\s+"
                        r"(?:(?:fatally|seriously|severely|critically|lightly)\s+)?(?P<verb>killed|injured|wounded)\b")
# one person told by a pronoun: "Locatelli said he suffered a minor injury"
_HE_HURT = re.compile(r"\b(?:he|she|(?-i:[A-Z][a-z]{2,}))\s+(?:had\s+|has\s+)?(?:suffered|sustained|received)\s+(?:a|an)\s+"
                      r"(?:[\w-]+\s+){0,2}?(?:injury|wound|concussion)\b", re.I)  # "… Locatelli sustained a minor injury, he said"
# the figures of one place, whatever the attack's reach: "Russia's nationwide missile attack … killed four people and
# wounded at least 10 in Zaporizhzhia"
# (read in the prepared text, where number words are digits)
_FIGURES_IN = re.compile(r"\b(?:killed|killing|wounded|wounding|injured|injuring)\s+(?:at\s+least\s+|more\s+than\s+)?"
                         r"\d+(?:\s+(?:people|civilians|residents))?\s+in\s+(?!Ukraine\b|the\s+country\b)[A-Z]|"
                         # "Four people were killed and at least 10 injured in Zaporizhzhia during Russia's nationwide …"
                         r"\b\d+\s+(?:[\w-]+\s+)?(?:killed|wounded|injured|hurt)\s+in\s+(?!Ukraine\b|the\s+country\b|Russia)[A-Z]")
_ELSEWHERE = re.compile(r"(?:^|\b)(?:[Ii]n\s+another\s+part\s+of|[Ee]lsewhere\s+in)\s+the\s+(?:city|town|village|district|oblast|"
                        r"region)\b")  # "The same attack … also injured seven people in another part of the city"
_FURTHER = re.compile(r"\b(?:other|further|additional|more)\s+(?:reported\s+)?(?:casualties|injuries|victims|deaths)\b|"
                      r"\b(?:no\s*(?:one|body)|nobody)\s+else\b", re.I)  # "No other casualties were reported"
_WORD = re.compile(r"[\w'-]+")
_THAT_ATTACK = re.compile(r"\b(?:that|this|those|these)\s+(?:[\w-]+\s+)?(?:attacks?|strikes?|assaults?|barrages?)\b",
                          re.I)  # the one told before
_TONIGHT = re.compile(r"\b(?:overnight|last\s+night|this\s+morning)\b(?!\s+(?:on|of|into)\s)", re.I)
# a title that dates its own figures ("21 civilians killed … in Donetsk Oblast on May 3"): its figures, though the
# body tells only of another attack
_DATED_TITLE = re.compile(r"\b(?:on|overnight\s+on)\s+(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)\w*\.?\s+\d{1,2}\b")
_STRIKES = re.compile(r"\b(?:attack(?:s|ed)?|(?:air)?strikes?|struck|hit|shelled|shelling|launched|fired|targeted|barrage|bombed|bombing|"
                      r"pounded|bombarded|hammered)\b", re.I)  # a sentence of an attack
# an attack told by its verb: before the item's first figure, only such a sentence of another date starts background
# ("On Aug. 28, Russian troops struck Kryvyi Rih …. Nobody was hurt"; not "On April 6, the head said the community
# usually suffers the most from shelling")
_STRUCK = re.compile(r"\b(?<!\bis\s)(?<!\bare\s)(?:attacked|struck|hit|shelled|targeted|bombed|launched|fired|pounded|bombarded|hammered)\b", re.I)  # not "is shelled more than any other"
_OWN_ANCHOR = re.compile(r"\b(?:[Ii]n|[Oo]n|[Nn]ear|[Aa]t)\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?"
                         r"(?!Russia|Telegram|Facebook|Twitter|X\b|Instagram|YouTube|Viber)[A-Z]|"  # "wrote on Telegram": no place
                         r"^[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?\s+(?:Oblast|region|City):|\b(?:overnight|today|this\s+morning|the\s+attack\s+on)\b|"
                         r"\b[Tt]he\s+latest\s+(?:incident|attack|strike)\b")  # "The latest incident happened near …": the item's


def split_recent(recent: list[str], sentence: str) -> list[str]:
    """The last three sentences read, this one last."""
    return [*recent[-2:], sentence]


def _context(recent: list[str], resolved: dict) -> str | None:
    """The region the nearest of the last sentences names alone (in a roundup, a statement that names no place
    is of the region told just before)."""
    for sentence in reversed(recent):
        region, _, regions = where(sentence, resolved)
        if region is not None and len(regions) == 1:
            return region
        if len(regions) > 1:
            return None
    return None


def read(title: str | None, body: str | None, published_at: str | None = None, split: list | None = None) -> Reading:
    reading = Reading()
    resolved = _Resolved(title, body)
    scope = Scope(published_day(published_at))
    scope.titled(title)
    lead = [title or ""]
    recent: list[str] = []
    several = bool(_SEVERAL.search(title or ""))  # "Russian attacks on Zaporizhzhia Oblast kill 1, injure 4"
    aside = -2  # the last sentence of another attack: the one after it, naming no day or place, is of it too
    told = ""  # the sentences of that other attack so far: a place they name is no anchor of the item's own
    quiet = False  # that attack was told without a figure: a "no one was hurt" just after it is of it too
    recalled = -2  # the last sentence without a figure that tells an attack of another time
    head = (title or "")[:MAX_SENTENCE]
    if not has_any((body or "")[:MAX_CHARS].lower(), CUES) and not has_any(head.lower(), CUES):
        return reading  # most items state no casualty at all
    if _NO_ATTACK_TITLE.search(head) and not has_any(head.lower(), CUES):
        return reading  # "SBU detains alleged spy accused of guiding Russian strikes": the tolls it cites are earlier attacks
    quiet_title = not _VIOLENCE.search(head)  # "General Staff: Russia places air defense systems in residential areas"
    if quiet_title and not _VIOLENCE.search((body or "")[:MAX_CHARS]):
        return reading  # "an elderly woman who was to go with two of them died" in an item of children brought home
    if _TALLY_TITLE.search(head) and not _RECORD_WORD.search(head) and not _STRIKES.search(head):
        return reading  # "UN: 22,607 civilian casualties recorded since …", "New burial site found in Kyiv Oblast" (not
        # "Strike on Kherson kills 2, bringing the toll since …")
    claim = _RUSSIAN_CLAIM_TITLE.match(head)
    if claim and not _RUSSIA_ACTS.search(head, claim.end()):
        return reading  # "Russian media: drone kills Russian journalist in occupied Donetsk Oblast": Russia's claim of
        # Ukraine's strike, no toll of an attack on Ukraine
    if _MISHAP.search(head) and not _WAR_WORD.search(head):
        return reading  # "2 dead after gas explosion at residential building in Kyiv", "3 dead … due to bad weather": no attack
    for index, (paragraph, sentence, start) in enumerate(sentences(body) if split is None else split):
        if reading.opening is None:
            lead.append(sentence)
        recent = split_recent(recent, sentence)
        lower = sentence.lower()
        mentions, nones = [], []
        if has_any(lower, CUES) and not ("ukrain" in lower and _UKRAINE_STRUCK.search(sentence)):
            text = _prepared(sentence, lower)
            mentions = _statements(text, index, resolved)
            nones = list(_NONE.finditer(text)) if has_any(lower, NONE_HINTS) and not _RETRACTED.search(text) else []
        if not mentions and not nones:  # no figure in it
            if scope.fixed and _STRIKES.search(sentence) and scope.another_time(sentence, lower):
                recalled = index  # "The meeting took place days after Russia's largest aerial attack."
            if not scope.fixed:  # a date the lead names fixes the item's attack; a stale one starts background
                if scope.of(sentence, lower, figure=False)[0] and not scope.fixed and _STRIKES.search(sentence):
                    aside, told, quiet = index, sentence, True  # "On Aug. 26, Russia carried out …. The attack killed seven"
                    continue
                if not scope.fixed and reading.opening is None and _TONIGHT.search(sentence):
                    scope.fixed = scope.tonight = True  # "Ukraine downed 14 of 17 drones overnight": of its night
            if has_any(lower, ("unrelated", "not related", "not connected", "not caused")) and _UNRELATED.search(sentence):
                aside, told, quiet = index, sentence, True  # "a fire had broken out …, unrelated to the shelling. The
                continue  # fire killed one person": that event's
            if index == aside + 1 and not _own_anchor(sentence, told):
                aside, told = index, told + sentence  # background goes on: "… was hit in Russia's July 8 attack. Two were killed there."
            elif not reading.roundup_cue and _STRIKES.search(sentence) and (
                    (stated := bool(reading.mentions or reading.none)) or scope.named is not None and _STRUCK.search(sentence)) \
                    and (scope.of(sentence, lower, figure=False)[0] or (stated and not several and another_attack(sentence, lower)
                                                                       and not scope.own_day(sentence))):
                aside, told, quiet = index, sentence, True  # "Earlier on Nov. 1, a drone hit Nikopol. That attack killed one"
            continue
        other, day = scope.of(sentence, lower, strict=bool(reading.mentions or reading.none) and not reading.roundup_cue)
        if not other and index == aside + 1 and (not nones or quiet) and (not _own_anchor(sentence, told) or (
                _PAST_DAY.search(told) and _IN_OBLAST_FIRST.search(sentence)) or _THAT_DAY_START.match(sentence)):
            other = True  # "Earlier, on Sept. 8, a strike on Kryvyi Rih killed one. At least 74 were injured."; a day's
            # roundup after the item's strike, told oblast by oblast ("… over the past day. In Kherson Oblast, one …")
        if not other and index == recalled + 1 and _THAT_ATTACK.search(sentence):
            other = True  # "… days after Russia's largest aerial attack. … launched in that attack, killing seven"
        if not other and reading.opening is not None and not reading.roundup_cue and _PAST_DAY.search(text):
            other = True  # a day's roundup after the item's one strike: another period ("over the past day, …")
        if other or ((reading.mentions or reading.none and aside >= 0) and not reading.roundup_cue and not several and
                     another_attack(sentence, lower) and not (scope.own_day(sentence) and not _ANOTHER_STRONG.search(sentence))):
            # after a "no casualties", once the item told another attack; not "The shelling earlier on May 13 also
            # killed two" in an item of the May 13 attack
            reading.background = True
            if not _GREW_FROM.search(sentence):  # "Over the past four days, the number of injured has grown from 47 to
                # 53": the item's own toll growing over a span, no other attack the next sentence goes on with
                aside, told, quiet = index, (told + sentence if index == aside + 1 else sentence), False
            continue
        if mentions and reading.opening is None and quiet_title and paragraph >= 2 and day is not None and \
                scope.published is not None and day < scope.published:
            reading.background = True  # an item of no attack (its title tells none) closing on an earlier day's strike
            continue
        national = False
        if mentions and reading.opening is None:
            reading.opening = index
            reading.roundup_cue = bool(_ROUNDUP.search(text)) or bool(_ROUNDUP.search(title or ""))
            reading.lead = " ".join(lead)
            national = reading.roundup_cue and bool(_NATIONAL.search(text)) and not _FIGURES_IN.search(text)
        for mention in mentions:
            mention.evidence, mention.start, mention.day = sentence, start, day
            if national:  # "Russian attacks across Ukraine killed 19; most of them came from a strike on Zaporizhzhia"
                mention.region, mention.place = None, None
            elif mention.region is None and reading.roundup_cue:  # "Governor Prokudin said 13 were injured"
                mention.region = official_region(sentence) or _context(recent, resolved)
            elif mention.region is None and len(recent) > 1 and (_GOES_ON.match(sentence) or _GOES_ON_AFTER.search(sentence)):
                mention.region = _context(recent[-2:-1], resolved)  # "In … Lutsk, a building was damaged, the mayor
                # said. He later reported that one person had been killed": of the place just told
            elif mention.place and reading.roundup_cue and len(recent) > 1:
                # "… in Donetsk Oblast. One was killed in Avdiivka, while four were hurt in Kindrativka": of the
                # oblast just named (or of the governor quoted), where a village of that name lies there
                near = official_region(sentence) or _context(recent[:-1], resolved)
                if near is not None and near != mention.region and (not has_any(lower, ("oblast", "region", "kyiv")) or
                                                                    _names_only(sentence, near)) \
                        and (_has_settlement(mention.place, near) or small_place(mention.place)):
                    # (or the sentence names that oblast alone: "… in Donetsk Oblast …: five in Lyman, two in Chasiv
                    # Yar, and one in Illinka" is Donetsk Oblast's Illinka, not Odesa Oblast's)
                    mention.region = near
        mentions = [m for m in mentions if not (m.hospital and _told_injured(reading.mentions, m))]
        if reading.mentions and mentions and has_any(lower, ("updated", "revised", "raised", "corrected")) and \
                _UPDATED_FIGURE.search(sentence):
            for mention in mentions:  # "later updated the figure, saying six people had been injured"
                mention.revised = True
        if reading.mentions and mentions and _ELSEWHERE.search(sentence):
            for mention in mentions:  # "In another part of the city, seven people were injured in the same attack"
                mention.elsewhere = True
        reading.mentions += mentions
        for m in nones:
            region = where(text, resolved)[0] if reading.mentions else None
            local = bool(reading.mentions) and (bool(_LOCAL_NONE.search(text)) or any(
                r.start() < m.start() < r.end() for r in _RELATIVE.finditer(text)))
            kinds = _none_of(m)
            # after a figure of one kind, "no casualties" is of another place or attack ("Lysak said that attack
            # caused no casualties"), unless it says none more ("No other casualties were reported": none killed)
            apart = len(kinds) > 1 and bool(reading.mentions) and not _FURTHER.search(text)
            # a place named in it other than the one place of every figure so far keeps it to that place ("The strike
            # on Dnipro, which injured five, killed nobody": of the item's one place, so of its total)
            elsewhere = region is not None and {x.region for x in reading.mentions} != {region}
            for kind in kinds:  # "Attacks also hit 7 oblasts, where no casualties were reported": of those
                reading.none.setdefault(kind, not elsewhere and not local and not (
                    apart and any(x.kind != kind for x in reading.mentions)))
            reading.none_evidence = reading.none_evidence or (sentence, start)
    if not reading.mentions and not reading.none and (not reading.background or _DATED_TITLE.search(title or "") or (
            title_figures(title))) and title and \
            not scope.of(title[:MAX_SENTENCE], title[:MAX_SENTENCE].lower(), figure=False)[0] and \
            not _tally_of_title(title, sentences(body) if split is None else split):
        text = mask(figures_in(_EARLIER_FIGURE.sub("", title[:MAX_SENTENCE])))
        reading.mentions = _statements(text, 0, resolved)
        for mention in reading.mentions:
            mention.evidence, mention.start = title[:MAX_SENTENCE], -1
        reading.opening = 0 if reading.mentions else None
        reading.lead = title
        for m in _NONE.finditer(text):
            for kind in _none_of(m):
                reading.none[kind] = True
            reading.none_evidence = reading.none_evidence or (title[:MAX_SENTENCE], -1)
    reading.day = scope.day
    return reading


def _tally_of_title(title: str, split) -> bool:
    """Whether the body tells the title's figure as a tally since the invasion ("Mayor: Russian attacks have killed over
    170 civilians in Kyiv" over "… more than 170 civilians … since the full-scale invasion began"): no attack's."""
    said = title_figures(title)
    if not said:
        return False
    for _, sentence, _ in split[:_TALLY_SENTENCES]:
        if _TALLY_TITLE.search(sentence) and any(re.search(rf"(?<![\d,]){n}(?![\d,])", figures_in(sentence))
                                                 for n in said.values()):
            return True
    return False


_TALLY_SENTENCES = 40  # of a body read for the title's tally (its lead tells it)


def _names_only(sentence: str, region: str) -> bool:
    """Whether the one region a sentence names by name ("Donetsk Oblast") is ``region``."""
    from kyivind.places.matcher import match

    named = {code for p in match(None, sentence).places if p.kind == "region" for code in p.regions}
    return named == {region}


def _told_injured(before: list[Mention], mention: Mention) -> bool:
    """Whether the injured of ``mention``, told as taken to hospital, are of a figure of injured told before in its
    region ("… wounded at least 113. Fifty-nine people were taken to hospital"): a part of it, not more."""
    return any(m.kind == INJURED and m.n >= mention.n and (mention.region is None or m.region == mention.region)
               for m in before)


_GOES_ON = re.compile(r"(?:He|She|They)\s+(?:later|also|then|further)\s+(?:said|reported|added|wrote|stated)\b")
_GOES_ON_AFTER = re.compile(r",\s+(?:he|she|they)\s+(?:later|also|then|further)\s+(?:said|reported|added|wrote|stated)\W*$")
_GREW_FROM = re.compile(r"\b(?:has|have|had)\s+(?:grown|risen|increased|climbed|gone\s+up)\s+from\s+[\w,-]+\s+to\s+[\w,-]+", re.I)
# what any report of violence holds: without one of these words no death it tells is of an attack ("an elderly woman
# who was to go with two of them died"); "killed", "injured" and "casualties" are such words ("Two civilians were
# killed in Donetsk Oblast on June 3, the governor said")
_VIOLENCE = re.compile(r"\b(?:kill|wound|injur|casualt|toll|dead\b|attack|strik|struck|shell|drone|missile|bomb|downs?\b|downed|"
                       r"aerial\s+targets?|air\s+targets?|intercept|"
                       r"rocket|artiller|mortar|explo|blast|mine|gun|"
                       r"fire|firing|shot|shoot|hit|troops|forces|soldier|occupier|invader|weapon|munition|"
                       r"grenade|projectile|Shahed|Kalibr|Iskander|Kinzhal|KAB|HIMARS|sabotage|terror|raid|assault)", re.I)
# a title of a war's tally or of the occupation's dead: the figures it brings are no attack's ("… since Russia's
# full-scale invasion began", "New burial site found in Kyiv Oblast"), unless it tells a record ("the deadliest since")
_TALLY_TITLE = re.compile(r"\bsince\s+(?:the\s+(?:start|beginning)\s+of|Russia's\s+full-scale|(?:the\s+)?full-scale|the\s+"
                          r"(?:invasion|war)\b|Feb(?:ruary|\.)?\s+24\b|(?:19|20)\d\d\b)|\b(?:war|invasion)\s+(?:[\w']+\s+){0,3}?"
                          r"(?:has|have|had)\s+(?:killed|injured|wounded|claimed)\b|\b(?:burial\s+sites?|mass\s+"
                          r"graves?|exhum\w+|torture\s+chambers?)\b|"
                          # "Bodies of 3 civilians allegedly killed by Russian troops found in Mykolaiv Oblast": the occupation's dead
                          r"\bbodies\s+of\s+[^.;]{0,60}?\b(?:allegedly\s+)?killed\s+by\s+Russian\s+(?:troops|forces|soldiers|"
                          r"occupiers)\b", re.I)
_RECORD_WORD = re.compile(r"\b(?:biggest|largest|deadliest|heaviest|worst|first|record|most|longest)\b", re.I)
# a title of deaths that are no attack's: an accident, the weather (and none of the war's words beside it)
_MISHAP = re.compile(r"\b(?:gas\s+(?:explosion|leak|blast)|cave-in|(?:bad|severe|extreme)\s+weather|storms?|snowstorms?|"
                     r"blizzards?|froze(?:n)?\s+to\s+death|heat\s*waves?|accidents?|(?:helicopter|plane|car|bus|road)\s+"
                     r"crash(?:es)?|drown(?:s|ed|ing)?|landslides?|carbon\s+monoxide)\b", re.I)
_WAR_WORD = re.compile(r"\b(?:Russian?|Russia's|attacks?|attacked|strikes?|struck|shell(?:s|ed|ing)?|drones?|missiles?|"
                       r"bombs?|mines?|explosives?|ordnance|war|troops|forces|occupiers|enemy)\b", re.I)
# a title that tells what Russia's media, officials or proxies say
_RUSSIAN_CLAIM_TITLE = re.compile(r"(?:Russian|Russia's|Kremlin|Occupation|Russian-installed)\s+(?:state\s+)?(?:media|officials?|"
                                  r"proxies|governor|authorities|Defense\s+Ministry|news\s+agency)\b(?:\s+(?:in\s+\w+\s+)?"
                                  r"(?:say|says|claims?|report|reports)\b|\s*:)", re.I)
# Russia as the attacker ("Russia's Defense Ministry admits it deliberately struck central Vinnytsia"): its attack's toll
_RUSSIA_ACTS = re.compile(r"\bRussia(?:'s|’s)?\s|\bRussian\s+(?:forces|troops|missiles?|strikes?|attacks?|army|military|"
                          r"shelling|drones?|bombs?)\b")
_ANOTHER_STRONG = re.compile(r"\b(?:again|separate|another|later)\b", re.I)
# a title of an arrest, a charge or a sentence: the item reports no attack
_NO_ATTACK_TITLE = re.compile(r"\b(?:detains?|detained|arrests?|arrested|sentences|sentenced|charges|charged|convicts|convicted|"
                              r"jails|jailed|spy|spies|collaborators?|treason|informants?|\d[\d,]*\s+war\s+crimes)\b", re.I)


def title_figures(title: str | None) -> dict[str, int]:
    """kind -> the figure a title states ("2 injured in Russian attacks on Kherson"), without places."""
    return dict(_title_figures(title))


@functools.lru_cache(maxsize=16)  # the toll reader asks up to three times of one title; no article meets another's
def _title_figures(title: str | None) -> tuple[tuple[str, int], ...]:
    if not title or not has_any(title[:MAX_SENTENCE].lower(), CUES) or other_time(title[:MAX_SENTENCE], title.lower()):
        return ()  # none, or of another time ("Russia kills 403 people in Mykolaiv Oblast since Feb. 24")
    text = mask(figures_in(title[:MAX_SENTENCE]))
    found: dict[str, int] = {}
    for mention in _statements(text, 0, {}):
        if mention.more and mention.kind in found:  # "injure 5 children and 1 adult": a second group, added
            found[mention.kind] += mention.n
        else:
            found.setdefault(mention.kind, mention.n)
    return tuple(found.items())


# the patterns most sentences meet, searched the quick way for the same matches (kyivind/figures/text.py, ``Quick``:
# not where the words every match holds are missing; a case-blind one in the sentence's lower case)
_NUMBER_FIRST, _VERB_FIRST, _ONE, _ONE_VERB_FIRST, _ANOTHER_ONE, _CHILDREN, _SUBSET, _NONE, _TWO_GROUPS, _STRIKES, \
    _ROUNDUP, _SEVERAL_PLACES = (Quick(pattern) for pattern in (
        _NUMBER_FIRST, _VERB_FIRST, _ONE, _ONE_VERB_FIRST, _ANOTHER_ONE, _CHILDREN, _SUBSET, _NONE, _TWO_GROUPS, _STRIKES,
        _ROUNDUP, _SEVERAL_PLACES))
