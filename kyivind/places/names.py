"""The little data of our own that the gazetteer needs beside GeoNames and ISO 3166-2, kept small.

- ``REGIONS``: for each ISO 3166-2 region of Ukraine and Russia (the codes and official names come from
  pycountry; a test checks every code here exists there and every one there is here): its English name as
  the site writes it, the name forms that take a region word ("Kharkiv" in "Kharkiv Oblast", "the Kharkiv
  and Sumy oblasts"), the names that stand for the region alone ("Crimea", "Tatarstan"), and its anchor:
  the GeoNames settlement whose first-level division is this region (its centre, or for a region whose
  centre is a city region of its own, its largest town). The anchor maps GeoNames' admin1 codes to ISO
  codes and gives the region its point on the map. Source: the regions' English names in the site's usage
  and in Wikipedia's lists of oblasts of Ukraine and federal subjects of Russia.
- ``LANDMARKS`` and ``AREAS``: places that are no settlement (a power plant, a bridge, an island; the
  Donbas), with the region they lie in and the settlement whose point they take.
- ``RIVERS``: river names that are also settlement names; "the Dnipro" and "the Dnipro River" are the river.
- ``NOT_PLACES``: names of organisations that begin with a place name ("the Kyiv Independent").
- ``NEEDS_CUE``: settlement names that are also common first names or surnames in the news ("Vladimir"
  Putin, Anton "Chekhov"); they count only after a place cue ("in Vladimir", "Vladimir Oblast").
"""

from __future__ import annotations

# code | English name | roots that take a region word | names alone | anchor settlement (GeoNames)
_REGION_TABLE = """
UA-05|Vinnytsia Oblast|Vinnytsia||Vinnytsia
UA-07|Volyn Oblast|Volyn|Volyn|Lutsk
UA-09|Luhansk Oblast|Luhansk||Luhansk
UA-12|Dnipropetrovsk Oblast|Dnipropetrovsk;Dnipro|Dnipropetrovsk|Dnipro
UA-14|Donetsk Oblast|Donetsk||Donetsk
UA-18|Zhytomyr Oblast|Zhytomyr||Zhytomyr
UA-21|Zakarpattia Oblast|Zakarpattia;Transcarpathia;Transcarpathian|Zakarpattia;Transcarpathia|Uzhhorod
UA-23|Zaporizhzhia Oblast|Zaporizhzhia;Zaporizhia||Zaporizhzhia
UA-26|Ivano-Frankivsk Oblast|Ivano-Frankivsk||Ivano-Frankivsk
UA-30|Kyiv|||Kyiv
UA-32|Kyiv Oblast|Kyiv;Kiev||Bila Tserkva
UA-35|Kirovohrad Oblast|Kirovohrad|Kirovohrad|Kropyvnytskyi
UA-40|Sevastopol|||Sevastopol
UA-43|Crimea|Crimea|Crimea;Crimean Peninsula|Simferopol
UA-46|Lviv Oblast|Lviv||Lviv
UA-48|Mykolaiv Oblast|Mykolaiv||Mykolaiv
UA-51|Odesa Oblast|Odesa;Odessa||Odesa
UA-53|Poltava Oblast|Poltava||Poltava
UA-56|Rivne Oblast|Rivne||Rivne
UA-59|Sumy Oblast|Sumy||Sumy
UA-61|Ternopil Oblast|Ternopil||Ternopil
UA-63|Kharkiv Oblast|Kharkiv||Kharkiv
UA-65|Kherson Oblast|Kherson||Kherson
UA-68|Khmelnytskyi Oblast|Khmelnytskyi;Khmelnytsky||Khmelnytskyi
UA-71|Cherkasy Oblast|Cherkasy||Cherkasy
UA-74|Chernihiv Oblast|Chernihiv||Chernihiv
UA-77|Chernivtsi Oblast|Chernivtsi||Chernivtsi
RU-AD|Adygea||Adygea;Adygeya|Maykop
RU-AL|Altai Republic||Altai Republic|Gorno-Altaysk
RU-ALT|Altai Krai|Altai||Barnaul
RU-AMU|Amur Oblast|Amur||Blagoveshchensk
RU-ARK|Arkhangelsk Oblast|Arkhangelsk||Arkhangelsk
RU-AST|Astrakhan Oblast|Astrakhan||Astrakhan
RU-BA|Bashkortostan||Bashkortostan;Bashkiria|Ufa
RU-BEL|Belgorod Oblast|Belgorod||Belgorod
RU-BRY|Bryansk Oblast|Bryansk||Bryansk
RU-BU|Buryatia||Buryatia|Ulan-Ude
RU-CE|Chechnya||Chechnya;Chechen Republic|Grozny
RU-CHE|Chelyabinsk Oblast|Chelyabinsk||Chelyabinsk
RU-CHU|Chukotka||Chukotka|Anadyr
RU-CU|Chuvashia||Chuvashia|Cheboksary
RU-DA|Dagestan||Dagestan|Makhachkala
RU-IN|Ingushetia||Ingushetia|Nazran
RU-IRK|Irkutsk Oblast|Irkutsk||Irkutsk
RU-IVA|Ivanovo Oblast|Ivanovo||Ivanovo
RU-KAM|Kamchatka Krai|Kamchatka|Kamchatka|Petropavlovsk-Kamchatsky
RU-KB|Kabardino-Balkaria||Kabardino-Balkaria|Nalchik
RU-KC|Karachay-Cherkessia||Karachay-Cherkessia|Cherkessk
RU-KDA|Krasnodar Krai|Krasnodar|Kuban|Krasnodar
RU-KEM|Kemerovo Oblast|Kemerovo||Kemerovo
RU-KGD|Kaliningrad Oblast|Kaliningrad||Kaliningrad
RU-KGN|Kurgan Oblast|Kurgan||Kurgan
RU-KHA|Khabarovsk Krai|Khabarovsk||Khabarovsk
RU-KHM|Khanty-Mansi Autonomous Okrug|Khanty-Mansi||Surgut
RU-KIR|Kirov Oblast|Kirov||Kirov
RU-KK|Khakassia||Khakassia|Abakan
RU-KL|Kalmykia||Kalmykia|Elista
RU-KLU|Kaluga Oblast|Kaluga||Kaluga
RU-KO|Komi Republic||Komi Republic|Syktyvkar
RU-KOS|Kostroma Oblast|Kostroma||Kostroma
RU-KR|Karelia||Karelia|Petrozavodsk
RU-KRS|Kursk Oblast|Kursk||Kursk
RU-KYA|Krasnoyarsk Krai|Krasnoyarsk||Krasnoyarsk
RU-LEN|Leningrad Oblast|Leningrad||Gatchina
RU-LIP|Lipetsk Oblast|Lipetsk||Lipetsk
RU-MAG|Magadan Oblast|Magadan||Magadan
RU-ME|Mari El||Mari El|Yoshkar-Ola
RU-MO|Mordovia||Mordovia|Saransk
RU-MOS|Moscow Oblast|Moscow||Balashikha
RU-MOW|Moscow|||Moscow
RU-MUR|Murmansk Oblast|Murmansk||Murmansk
RU-NEN|Nenets Autonomous Okrug|Nenets||Naryan-Mar
RU-NGR|Novgorod Oblast|Novgorod||Velikiy Novgorod
RU-NIZ|Nizhny Novgorod Oblast|Nizhny Novgorod||Nizhniy Novgorod
RU-NVS|Novosibirsk Oblast|Novosibirsk||Novosibirsk
RU-OMS|Omsk Oblast|Omsk||Omsk
RU-ORE|Orenburg Oblast|Orenburg||Orenburg
RU-ORL|Oryol Oblast|Oryol;Orel||Orel
RU-PER|Perm Krai|Perm||Perm
RU-PNZ|Penza Oblast|Penza||Penza
RU-PRI|Primorsky Krai|Primorsky|Primorye|Vladivostok
RU-PSK|Pskov Oblast|Pskov||Pskov
RU-ROS|Rostov Oblast|Rostov||Rostov-na-Donu
RU-RYA|Ryazan Oblast|Ryazan||Ryazan
RU-SA|Yakutia||Yakutia;Sakha Republic|Yakutsk
RU-SAK|Sakhalin Oblast|Sakhalin|Sakhalin|Yuzhno-Sakhalinsk
RU-SAM|Samara Oblast|Samara||Samara
RU-SAR|Saratov Oblast|Saratov||Saratov
RU-SE|North Ossetia||North Ossetia|Vladikavkaz
RU-SMO|Smolensk Oblast|Smolensk||Smolensk
RU-SPE|St. Petersburg|||Saint Petersburg
RU-STA|Stavropol Krai|Stavropol||Stavropol
RU-SVE|Sverdlovsk Oblast|Sverdlovsk||Yekaterinburg
RU-TA|Tatarstan||Tatarstan|Kazan
RU-TAM|Tambov Oblast|Tambov||Tambov
RU-TOM|Tomsk Oblast|Tomsk||Tomsk
RU-TUL|Tula Oblast|Tula||Tula
RU-TVE|Tver Oblast|Tver||Tver
RU-TY|Tuva||Tuva|Kyzyl
RU-TYU|Tyumen Oblast|Tyumen||Tyumen
RU-UD|Udmurtia||Udmurtia|Izhevsk
RU-ULY|Ulyanovsk Oblast|Ulyanovsk||Ulyanovsk
RU-VGG|Volgograd Oblast|Volgograd||Volgograd
RU-VLA|Vladimir Oblast|Vladimir||Vladimir
RU-VLG|Vologda Oblast|Vologda||Vologda
RU-VOR|Voronezh Oblast|Voronezh||Voronezh
RU-YAN|Yamalo-Nenets Autonomous Okrug|Yamalo-Nenets;Yamal||Novyy Urengoy
RU-YAR|Yaroslavl Oblast|Yaroslavl||Yaroslavl
RU-YEV|Jewish Autonomous Oblast||Jewish Autonomous Oblast|Birobidzhan
RU-ZAB|Zabaykalsky Krai|Zabaykalsky;Zabaikalsky||Chita
"""

# words after a root that make it the region: "Kharkiv Oblast", "Krasnodar Krai", "the Kursk region"
REGION_WORDS = {"oblast", "region", "krai", "province", "republic", "okrug"}
REGION_PLURALS = {"oblasts", "regions", "krais", "provinces"}

# id | name | kind | region codes (;) | settlement whose point it takes | other names (;)
_LANDMARK_TABLE = """
zaporizhzhia-npp|Zaporizhzhia Nuclear Power Plant|landmark|UA-23|Enerhodar|Zaporizhzhia nuclear power plant;ZNPP
chornobyl|Chornobyl Exclusion Zone|landmark|UA-32|Ivankiv|Chornobyl;Chernobyl;Chornobyl Nuclear Power Plant
kakhovka-dam|Kakhovka dam|landmark|UA-65|Nova Kakhovka|Kakhovka Hydroelectric Power Plant;Kakhovka Dam
crimean-bridge|Crimean Bridge|landmark|UA-43|Kerch|Kerch Bridge
snake-island|Snake Island|landmark|UA-51|Vylkove|Zmiinyi Island
azovstal|Azovstal|landmark|UA-14|Mariupol|Azovstal steel plant
kinburn-spit|Kinburn Spit|landmark|UA-48|Ochakiv|
dniprohes|Dnipro Hydroelectric Power Plant|landmark|UA-23|Zaporizhzhia|DniproHES
antonivskyi-bridge|Antonivskyi Bridge|landmark|UA-65|Kherson|Antonivsky Bridge
donbas|Donbas|area|UA-14;UA-09|Donetsk|Donbass
"""

RIVERS = {"Dnipro", "Dnieper", "Desna", "Samara", "Inhulets", "Oskil", "Psel", "Vorskla", "Sula", "Ros", "Don",
          "Donets", "Siverskyi Donets", "Volga", "Kalmius", "Seym", "Southern Bug", "Bug", "Dniester", "Danube"}
RIVER_WORDS = {"river", "reservoir", "riverbank", "delta", "estuary"}
NOT_PLACES = {"Kyiv Independent", "Kyiv Post", "Kyiv School of Economics", "Moscow Times", "Kyiv Security Forum",
              "Dynamo Kyiv", "Shakhtar Donetsk"}
NEEDS_CUE = {"Vladimir", "Volodymyr", "Serhii", "Bohdan", "Maria", "Anna", "Artem", "Stanislav", "Nikita",
             "Pushkin", "Chekhov", "Gagarin", "Lermontov", "Shevchenko", "Korolyov", "Korolev", "Zhukovsky",
             "Zhukov", "Lenin", "Kirov", "Kalinin", "Semenov", "Mikhailov", "Orlov", "Makarov", "Gusev", "Lazarev",
             "Danilov", "Bobrov", "Bykov", "Suvorov", "Kirillov", "Nesterov", "Dmitriev", "Sokol", "Mir",
             "Druzhba", "Pobeda", "Oktyabrsky", "Sovetsky", "Zelenyi", "Ivanivka"}
# words that are never a settlement although some village bears the name (months, days, institutions)
NEVER = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
         "Telegram", "Patriot", "Victory", "Liberty", "Independence", "Kremlin", "Grad", "Lancet", "Rubikon",
         "Azov", "Wagner", "Storm", "Oreshnik", "Iskander", "Kinzhal", "Kalibr", "Shahed", "Geran"}


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def regions() -> list[dict]:
    rows = []
    for line in _REGION_TABLE.strip().splitlines():
        code, name, roots, alone, anchor = line.split("|")
        rows.append({"code": code, "name": name, "roots": _split(roots), "alone": _split(alone), "anchor": anchor})
    return rows


def landmarks() -> list[dict]:
    rows = []
    for line in _LANDMARK_TABLE.strip().splitlines():
        key, name, kind, codes, anchor, other = line.split("|")
        rows.append({"key": key, "name": name, "kind": kind, "regions": _split(codes), "anchor": anchor,
                     "names": [name, *_split(other)]})
    return rows
