"""What happened, as data: the toll (killed, injured) and the air attack (drones, missiles and guided bombs
launched, shot down, lost) each article version states. Pure functions of the article's text, without Scrapy;
derived when the database or an export is made, never stored in the feed (docs/analysing.md, "The toll and
the air attacks"). Raise ``VERSION`` when what they find changes: the next database build derives every
article version again.
"""

from __future__ import annotations

from kyivind.figures.air import air_attacks
from kyivind.figures.tolls import tolls

VERSION = 81  # 81: air: "35 missiles of different types and 23 attack drones were tracked" both launched; "Russia
# launched 10 … drones and 10 … missiles overnight, and all of them were shot down" every class downed; "All 24 … drones
# …, as well as one Kinzhal … and four Kh-101/555 …, were shot down"; 80: "A police officer assisting local residents
# was injured"; "a 37-year-old man in Kyiv Oblast sustained … wounds"; "two other men, aged 38 and 65, and two women,
# aged 63 and 66, were injured" four; "Police officer Andrii Matvienko was killed"; "two more injured in other attacks
# on Zaporizhzhia Oblast" add to the oblast's; 79: "… killed in Russia's full-scale war against Ukraine", "as a result
# of Russia's full-scale invasion", "killed by Russia's war in Kharkiv Oblast": a war's tally; "29,543 … convicts" no
# civilians; "Bodies of 3 civilians allegedly killed by Russian troops found", "while the area was still occupied": the
# occupation's dead; "On that day, …" after another day's sentence is that day's; air: "sent to the front lines" no
# launch; "turned down" downs nothing; "have been used by Russia" a tally; 78: "was killed and another hospitalized";
# "left two women and a man injured" three; "Four women and four men, aged between 30 and 79, were wounded" eight; "The
# number of injured reported so far is 56"; "injured earlier on Nov. 14 in a Russian strike on Kherson" and "came
# shortly after Russia struck … Kharkiv" another attack; 77: "between June 20 and 21" dates the span, no count; "54
# people injured in the attack remain hospitalized" no toll; air: "…; of the 17 … drones …, 14 were downed" after a
# semicolon; 76: "and one more person is still under the rubble" no more injured; "…, and another woman" closes a list
# of victims; "had hit Kharkiv … earlier that day", "also hit … Kramatorsk … earlier that day" another attack; "over the
# past two nights" another time; a figure said the day before the item's attack is another's; 75: "Overnight Russian
# attacks on Kherson Oblast wounded 11 people, …, Governor … said earlier on Oct. 8." tells attacks of its own, not the
# item's figures told before; a past day's roundup goes on with a sentence naming one oblast anywhere in it; 74: air:
# "shot down 10 of the drones and the missile", "as well as the missile" downs every one of that class launched; "by
# attacking with 185 … drones"; "Both of them were reportedly downed"; 73: "a man, her son, was injured"; "Nine
# civilians across the region"; "a woman employed by the administration was killed"; "A man and a woman, two of her
# colleagues, were wounded"; "while another received treatment"; "The same attack … also injured seven people in another
# part of the city" adds; 72: "Two male civilians, aged 53 and 74,"; "Three Donetsk Oblast residents"; "Three people
# were killed and eight civilians and two law enforcement officers were injured" three and ten; "and three more could
# still be trapped" no more; "a police officer in the regional center of Kherson was injured"; "without disclosing the
# number of casualties" and "no confirmation of casualties" are no none; "had not caused casualties" is; "Earlier in the
# morning, three Iskander missiles hit …, local authorities said" another attack; "killed and at least 10 injured in
# Zaporizhzhia during Russia's nationwide … attack" of Zaporizhzhia; 71: air: "all of which were downed"; "Myrnohrad was
# struck by four … missiles" launched; "35 others injured when Russian drones attacked" and "10 injured as Russian drone
# drops" count no drones; "Over 20 drones targeted the city"; 70: "were killed and 12 more injured" is twelve more than
# the dead, not than figures before; "Locatelli sustained a minor injury"; "and another five in a morning attack"; "The
# bodies of a … man and his … son" two; "was killed and her husband (seriously) injured"; "The figure was later updated
# by …, which said six"; "has so far reached at least 884" a tally; "injured in a drone strike died in hospital on Dec.
# 12" dates the death, no attack; "were killed by the flooding", "killed … in the flooding"; "an attack on Antonivka, a
# suburb of Kherson, earlier on Sept. 28" another; air: "and two of them were shot down" of a weapon named without a
# count; 69: "earlier that night" of the item's night is its own; "A brother and sister were shot dead" two; "three more
# rescuers and four other civilians" seven; "a woman and her two children, a three-year-old boy and a five-year-old
# girl" three; "A married couple and their two young children" four; "has not reported any casualties"; "no other
# reported casualties"; "another was hospitalized"; "…, Kim said earlier on April 12." the same attack's figures; "the
# largest drone attack on the capital in 2024" this one; air: "carried out with two S-300 missiles", "involving 185 …
# drones" launched; "All 18 … missiles …, including six Kinzhal …, were downed"; "destroying cars" downs nothing; "Some
# of the 11 … drones downed overnight" 11 downed; "and both were shot down"; "shot down a drone" one; "Of the 84 …
# missiles and 24 drones …, more than half were shot down" none downed; "52 drones … launched by Russia … were shot
# down" no launch count; 68: "One person had been killed, he later reported" is of the place just told; "a car destroyed
# when a Russian Iskander missile hit" downs no missile; a title of a clinic "destroyed" is no air report; "and" is no
# person; "A woman pulled from the rubble … has died"; "Those attacks included a strike …" after another day's attacks;
# "A 40-year-old man and women aged 32, 45, and 50", "A woman and her two children, aged three and ten", "Four men and
# four women aged between 30 and 79"; "Since then, the number of injured civilians has been updated to three"; "the
# number of people hurt … had grown to 32"; "a deadly … strike on Odesa earlier on March 15" and "come under Russian
# attack daily" are other times; "has now claimed the lives of three people", "claimed three lives"; "The April 24
# attack was among the deadliest" is this one; 67: "said on Oct. 24 that Russian troops killed six" counts no troops;
# "Late on March 3, rescue work … came to an end" dates no attack; "a man injured in … attack died in hospital" is an
# update; "downs … aerial targets" tells an attack; "Three women, two men, and a 4-year-old child were injured" is six;
# "one man sustained shrapnel wounds"; "An elderly woman and a 14-year-old boy suffered shrapnel wounds" two; "a man in
# his late 40s"; "aged 38, 65, and 71"; "A 14-year-old girl, an 84-year-old man and two women" four; "The number of
# people known to have been killed … has reached 55"; "overnight and the previous day" is the day's; "Medical help was
# also sought by 120 people"; "born in 1956 and 1967"; "fatally wounded" is killed; a figure said a month or more before
# the item is no toll; a past day's roundup told oblast by oblast after the item's strike is that period's; an oblast's
# figure told after its place, no more than it, is of it; air: "was unable to intercept … a single Iskander-M" none
# downed; "In addition to the drones, …" no more missiles; "Both were reportedly downed"; "Drones target Moscow" is
# Russia's claim; a breakdown by oblast before an attribution; a nationwide attack with an aside; 66: a title "since
# full-scale invasion" (no article) is a tally; a fire "unrelated to the shelling" is no attack's; "54 people wounded in
# the attack are still in hospital" is no toll of the wounded; 65: "overnight and the day before" is the day's period,
# not another time; "sent two men, aged 50 and 53, to hospital" is two injured; 64: "injured three women, two men, and a
# 4-year-old child" is six; "a woman and a man, aged 52 and 55, were injured" two; "left a … woman and a … man with
# blast injuries" two; 63: "A couple aged 68 and 54 were injured" is two; "three men aged 52, 65, and 73 and a
# 38-year-old woman were injured" four; 62: an air report's toll is of the place its own sentence and the one before it
# name; 61: an air report's lead that names Russia's launch sites beside one place in Ukraine gives its toll to that
# place; 60: air: "81 attack and decoy drones" are the drones launched (not decoys alone); "overnight from Dec. 13-14"
# is a night, no span; engineers, first responders, technicians, repairmen, nurses and crew members are people; 59: air:
# "All 89 drones Russia launched …, along with one Kh-59 missile, were shot down" is 89 downed; "half of the 84 missiles
# and the 24 drones … were brought down" counts both launched, none downed; 58: a village listed under the one oblast
# its sentence names is of that oblast ("… Donetsk Oblast …: one in Illinka"); "two women aged 60 were injured" is two;
# 57: a title of what the war "has killed" is a tally; a title of Russia's media, officials or proxies on Ukraine's
# strike is no toll; "followed shortly after" another attack; "leaving a 66-year-old man and a 64-year-old woman
# injured" is two; a title's "hit … on Oct. 11" dates the attack; "No one has been reported killed or injured"; "put 14
# in hospital"; "said two more people were injured on June 2" dates the injured; a roundup oblast struck "a second time"
# adds; air: a date after a count is read whole ("on Dec. 14", not "Dec. 1"); "last New Year's Eve" is another time; 56:
# "A woman aged 81 and a man aged 68 died" is two; "pounded", "bombarded", "hammered" tell an attack; "shelled … as of 1
# p.m. on June 16" dates the attack; "attacks across Ukraine, which also killed two in Lviv" in an item of one oblast is
# another attack; Russian oblasts named beside do not keep a namesake village in another oblast; "Earlier that day"
# after a whole day's report is that day; "seven State Forestry workers"; the dead of Ukraine's own strike are no toll;
# a title's figure the body tells as a tally since the invasion is no toll; "over June" is another time; an item whose
# title tells no attack, closing on an earlier day's strike, has no toll; 55: the places matcher's "…, Serhii Popko,
# head of …" is no village, so a lead naming Kyiv alone gives its toll to Kyiv; 54: "toll" and "dead" are words of
# violence too ("The death toll in Odesa has risen to four"); 53: "killed", "injured", "casualties" are words of
# violence (a terse toll with no weapon is a toll); a title of a strike beside a tally since the invasion is a toll; 52:
# an update title's risen toll ("Number killed … rises to 25") over a body that tells one more dead; "Number killed" is
# a toll noun; 51: air: a title's count of a class the body does not count (of the body's direction) counts; a number
# after a hyphen ("KN -23") is a designator; 50: air: "air-launched" (ship-launched, ground-launched) names a missile,
# it is no launch verb; 49: air: "fired both cruise and ballistic missiles" counts no two; 48: air: "… drones hit Odesa
# Oblast overnight; air defenses downed at least 21 of them": N of them counts the weapon named without a count just
# before; 47: air: in an item of one place's toll by shelling, a nationwide attack told beside it, and what follows, is
# another attack; 46: "a 67-year-old driver working for a medical facility was also wounded" is one; 45: in an item of
# one strike on the one place its title and lead name, a later statement of another place is another attack's; 44: under
# a title of a toll revised ("Update: … climbs to 6"), a later sentence of other figures is still the same attack's; 43:
# a title of a war's tally ("since Russia's full-scale invasion began") or of a burial site: no toll, unless a record;
# 42: in an item of one strike (no revision), a later sentence telling another figure of a kind already told is another
# attack's, all its figures; 41: air: an update's dated title fixes its attack; "… that day." after a sentence of
# another day is that day's; "two more cases of North Korean missiles" counts none; 40: an update's title that dates its
# attack ("Toll of the July 23 Russian attack on Odesa climbs to 2") fixes the item's attack; "one of the most
# destructive attacks … since" is this one; 39: an item with no word of violence, a title counting war crimes, "bodies
# of 3 civilians allegedly killed by Russian troops found in": no toll; 38: a title of an accident or the weather (a gas
# explosion, a cave-in, bad weather) naming nothing of the war: no toll; 37: figures an item places only in Russia (by
# its lead) are no toll; 36: "A woman who had been rescued from under the rubble … has died in hospital" is one killed;
# 35: "… near Huliaipole … also injured a woman and a man": "also" just before the verb of one victim tells more;
# reporters, correspondents, photographers, representatives, officials and priests are people; 34: "One person was
# killed and another injured" is one and one; "suffered mine-blast injuries" is one injured; 33: "killing police officer
# Andrii Matvienko" and "fatally wounding her" are one killed; 32: "with nine settlements targeted and a 60-year-old
# woman hurt" is one injured; 31: "He later reported that one person had been killed" is of the place the sentence
# before names; 30: one person "taken to hospital" (with anything or nothing) is one injured, unless of a figure of
# injured told before; 29: "Over the past four days, the number of injured has grown from 47 to 53" is no other attack
# the next sentence goes on with; 28: "more than 20 drones targeted Kharkiv" launched; 27: "on the night of Nov. 15" in
# an item of Nov. 16 is the last night, not another; 26: "The strike on Dnipro, which injured five, killed nobody": none
# killed of the item's one place; 25: a nationwide attack's figures "in Zaporizhzhia" are that place's; 24: the date
# work "ended" on dates no attack and no saying; 23: "he suffered a minor injury" is one injured; 22: "at Ukraine" is
# the country's, of no oblast; "the attack involved 81 missiles" counts them launched; 21: "puts the number of injured …
# at no fewer than six", "later updated the figure, saying six …": revisions; 20: an item's oblast, named by its title
# and its lead, beats a city its lead names in passing; 19: "have shot down 15 … since they were first used", "… so
# far", "in early May", "1,000 … a day": tallies, another time, a rate; 18: "14 cruise missiles, 10 of which Ukraine's
# air defense destroyed" 10 downed; 17: "In another part of the city, seven people were injured in the same attack" adds
# to the toll; 16: "their local Ukrainian producer and two policemen were injured" is 3; 15: a lead that tells several
# oblasts' figures is told again place by place ("also struck … Vovchansk, killing a man" is the lead's man); 14: "No
# further casualties" is a none (not "no further information"); a title's figures where the body tells them only as of
# another day's attack (the attack the whole item is of); 13: "came one day after" an attack that killed more: that
# attack's; another city's attack "the same night" after the item's own; "at the end of March" another time; a title's
# "injury toll" of the injured; 12: an opening "said on Jan. 31 that Russian troops had attacked …" dates the item's
# attack: "On Jan. 30, …" after it is the day before; 11: "no casualties" of a strike on a place in Russia (Tuapse) is
# no toll of an attack on Ukraine; 10: after a figure, "no casualties" of another place or attack leaves the other kind
# unstated ("No other casualties" does not); "in late December"; "from the start of the full-scale war"; "1,000 strikes
# with missiles" no count; "has used some 400 drones" a tally; "That day" after another day's sentence; "In
# Dnipropetrovsk Oblast, eleven … downed" a breakdown; "A drone was brought down"; "A 17-year-old was wounded"; "Denys
# Zhurba, 18, had died"; an attack going on as it is told ("are heavily shelling … said on Dec. 20"); two asides between
# a figure and its verb; a title of drones striking sites is of one place; 9: "took place days after" an attack, then
# "in that attack"; a post made overnight tells of that night; a title's "5 children and 1 adult"; "killing its driver";
# "two more drones" downed beside those told before; "eight civilians and two law enforcement officers"; "made no
# mention of casualties" is no word of none; 8: a headline's period ("over past month", "since start of 2024"), "last
# September", a first word of none ("Preliminary information indicated no casualties"), "is shelled more than any other"
# (no attack told), "on Telegram" no place; 7: more ways of "no casualties", the date of a saying, parts and groups of
# victims, tolls of no attack (6: …)

__all__ = ["VERSION", "AIR_TOTALS", "air_attacks", "class_totals", "derive", "tolls", "summary"]


def derive(title: str | None, body: str | None, published_at: str | None = None) -> tuple[list[dict], list[dict]]:
    """(toll rows, air attack rows) of one article version, its body split into sentences once."""
    from kyivind.figures.text import sentences

    split = sentences(body)
    return tolls(title, body, published_at, split), air_attacks(title, body, published_at, split)


# the exports' air columns: (weapon class, metric) each sums
AIR_TOTALS = {"drones_launched": ("drone", "launched"), "drones_downed": ("drone", "downed"),
              "missiles_launched": ("missile", "launched"), "missiles_downed": ("missile", "downed")}


def class_totals(air_rows: list[dict], direction: str = "russia_on_ukraine") -> dict:
    """Drones and missiles launched and shot down: the sums of an article's rows of one direction (Russia's
    attacks on Ukraine unless told), None where none states one."""
    totals = {}
    for column, (kind, metric) in AIR_TOTALS.items():
        values = [row[metric] for row in air_rows if row["weapon_class"] == kind and row[metric] is not None
                  and row.get("direction", direction) == direction]
        totals[column] = sum(values) if values else None
    return totals


def summary(title: str | None, body: str | None, published_at: str | None = None) -> dict:
    """One article's figures in six columns (the exports'): the total killed and injured, and drones and
    missiles launched and shot down (the sums of their rows)."""
    toll_rows, air = derive(title, body, published_at)
    total = next((row for row in toll_rows if row["scope"] == "total"), {})
    return {"killed": total.get("killed"), "injured": total.get("injured"), **class_totals(air)}
