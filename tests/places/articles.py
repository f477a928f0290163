"""Hand-labelled News Feed style articles for the place matcher: each with the ISO 3166-2 regions it names
under the semantics of ``kyivind/places/matcher.py`` (a region named, or a place in it named; Kyiv is UA-30
also as the government; a river is no city; an organisation is no place). Written for these tests in the
site's manner; the labels were set by reading each text, not by running the matcher.

UA: 05 Vinnytsia, 07 Volyn, 09 Luhansk, 12 Dnipropetrovsk, 14 Donetsk, 18 Zhytomyr, 21 Zakarpattia,
23 Zaporizhzhia, 26 Ivano-Frankivsk, 30 Kyiv, 32 Kyiv Oblast, 35 Kirovohrad, 40 Sevastopol, 43 Crimea,
46 Lviv, 48 Mykolaiv, 51 Odesa, 53 Poltava, 56 Rivne, 59 Sumy, 61 Ternopil, 63 Kharkiv, 65 Kherson,
68 Khmelnytskyi, 71 Cherkasy, 74 Chernihiv, 77 Chernivtsi.
"""

ARTICLES = [
    dict(kind="daily attacks", title="Russian attacks kill 3, injure 19 over past day",
         body="Russian strikes on eight oblasts of Ukraine killed three civilians and wounded 19 more over the past "
              "day, regional officials said on the morning of March 4.\n"
              "In Donetsk Oblast, one man died in Kostiantynivka and two people were hurt in Druzhkivka, the "
              "regional military administration reported.\n"
              "Russian glide bombs struck Kupiansk in Kharkiv Oblast, wounding four, Governor Oleh Syniehubov "
              "said.\n"
              "Dnipropetrovsk, Sumy, Chernihiv, Mykolaiv, and Kherson oblasts were also attacked.",
         regions={"UA-14", "UA-63", "UA-12", "UA-59", "UA-74", "UA-48", "UA-65"}),
    dict(kind="daily attacks", title="Russian attacks against Ukraine kill 2, injure 11",
         body="Two civilians were killed and 11 were injured as Russia hit nine regions overnight.\n"
              "In Kherson Oblast, Russian artillery struck residential areas of Kherson and the town of "
              "Beryslav, killing one person, Governor Oleksandr Prokudin said.\n"
              "A 64-year-old woman was killed in Orikhiv, Zaporizhzhia Oblast, Governor Ivan Fedorov reported.\n"
              "Sumy Oblast's Bilopillia came under mortar fire, damaging a school.",
         regions={"UA-65", "UA-23", "UA-59"}),
    dict(kind="daily attacks", title="Russia strikes Kharkiv, Odesa with drones overnight",
         body="Russian forces launched 84 Shahed-type drones and two ballistic missiles at Ukraine overnight on "
              "Nov. 12, the Air Force said.\n"
              "Three people were injured in Kharkiv's Kyivskyi district, Mayor Ihor Terekhov said.\n"
              "In Odesa, debris fell on a warehouse in the port, Odesa Oblast Governor Oleh Kiper reported.",
         regions={"UA-63", "UA-51"}),
    dict(kind="daily attacks", title="Russian shelling kills man in Nikopol",
         body="A 58-year-old man was killed when Russian artillery hit Nikopol on Feb. 9, Dnipropetrovsk Oblast "
              "Governor Serhii Lysak said.\n"
              "Nikopol and Marhanets lie across the Dnipro River from the occupied town of Enerhodar, where "
              "Russian troops hold the Zaporizhzhia Nuclear Power Plant.\n"
              "Shelling across the Dnipro has made life in the district dangerous for two years.",
         regions={"UA-12", "UA-23"}),
    dict(kind="daily attacks", title="Russian attacks injure 6 in Donetsk Oblast",
         body="Six people were injured in Russian attacks on Donetsk Oblast over the past day, the regional "
              "administration said.\n"
              "Three were wounded in Pokrovsk, two in Myrnohrad, and one in the village of Mykolaivka in the "
              "Kramatorsk district.\n"
              "Russian troops have pressed toward Pokrovsk for months.",
         regions={"UA-14"}),
    dict(kind="daily attacks", title="Drone attack on Zaporizhzhia injures 7",
         body="A Russian drone struck an apartment block in Zaporizhzhia on the evening of Aug. 2, injuring seven "
              "people, including a child, regional officials said.\n"
              "Russian forces also shelled Huliaipole and Stepnohirsk, Governor Ivan Fedorov said.",
         regions={"UA-23"}),
    dict(kind="daily attacks", title="Russian strike on Sumy kills 2",
         body="Russia struck the city of Sumy with a ballistic missile on Oct. 30, killing two people and injuring "
              "14, the Sumy Oblast Military Administration reported.\n"
              "Earlier that day, one person was injured in an attack on the Krasnopillia community, the "
              "administration said. The Myropillia and Yunakivka communities were shelled too.",
         regions={"UA-59"}),
    dict(kind="daily attacks", title="Russian attacks on Kherson Oblast kill 1, injure 9",
         body="Russian troops hit 37 settlements of Kherson Oblast with artillery, drones and glide bombs over the "
              "past day.\n"
              "A man was killed in Bilozerka and nine people were injured across the oblast, including in "
              "Antonivka and Kherson, the regional administration said.\n"
              "Russian forces occupy the left bank of the Dnipro and strike the right bank daily.",
         regions={"UA-65"}),
    dict(kind="daily attacks", title="Russia strikes Odesa Oblast port infrastructure",
         body="Russian drones hit port infrastructure in Izmail overnight, damaging grain storage, the Odesa "
              "Oblast governor said.\n"
              "The strikes on the Danube port came as Ukraine kept shipping grain through its own corridor.",
         regions={"UA-51"}),
    dict(kind="daily attacks", title="Russian guided bombs hit Kostiantynivka, Druzhkivka",
         body="Russia dropped guided aerial bombs on Kostiantynivka and Druzhkivka on the morning of June 3, "
              "killing one and wounding five, local authorities reported.\n"
              "The towns in the Donbas lie behind the front line near Chasiv Yar.",
         regions={"UA-14", "UA-09"}),
    dict(kind="daily attacks", title="Explosions reported in Kryvyi Rih after missile strike",
         body="A Russian ballistic missile hit Kryvyi Rih on the evening of April 4, killing nine people, "
              "including children, Oleksandr Vilkul, head of the city's military administration, said.\n"
              "The city in Dnipropetrovsk Oblast is President Volodymyr Zelensky's hometown.",
         regions={"UA-12"}),
    dict(kind="oblast lists", title="Russia targets energy infrastructure in six oblasts",
         body="Russia launched a combined missile and drone attack on energy facilities in Lviv, Ivano-Frankivsk, "
              "Khmelnytskyi, Vinnytsia, Rivne, and Volyn oblasts overnight, the Energy Ministry said.\n"
              "Power outages were reported in several western regions.",
         regions={"UA-46", "UA-26", "UA-68", "UA-05", "UA-56", "UA-07"}),
    dict(kind="oblast lists", title="Air raid alerts in the Kyiv and Chernihiv oblasts",
         body="Air raid sirens sounded across the Kyiv and Chernihiv oblasts early on Jan. 2 as Russian drones "
              "approached from the north.\n"
              "Air defense was active in the Kyiv region, and debris fell near Brovary, the Kyiv Oblast "
              "Military Administration said.",
         regions={"UA-32", "UA-74"}),
    dict(kind="oblast lists", title="Power outages hit Poltava, Cherkasy, Kirovohrad oblasts",
         body="Emergency power cuts were applied in Poltava, Cherkasy, and Kirovohrad oblasts after Russian strikes "
              "on substations, grid operator Ukrenergo said.\n"
              "Kremenchuk and Uman were left partly without heating.",
         regions={"UA-53", "UA-71", "UA-35"}),
    dict(kind="oblast lists", title="Ukraine's southern regions brace for more strikes",
         body="Authorities in the Mykolaiv and Odesa regions warned of further drone attacks after a week of "
              "strikes on ports and energy sites.\n"
              "Zhytomyr, Ternopil, and Chernivtsi oblasts reported no casualties from the latest wave.",
         regions={"UA-48", "UA-51", "UA-18", "UA-61", "UA-77"}),
    dict(kind="oblast lists", title="Evacuation expands in Kharkiv region",
         body="Ukrainian authorities ordered the evacuation of families with children from 12 more settlements of "
              "the Kharkiv region as fighting intensified near Vovchansk and Lyptsi.\n"
              "The Kupiansk and Izium districts were also affected.",
         regions={"UA-63"}),
    dict(kind="shared names", title="Russian troops attack Andriivka in Donetsk Oblast",
         body="Russian forces attacked Ukrainian positions near Andriivka south of Bakhmut, the General Staff "
              "said.\n"
              "Ukrainian troops recaptured the village in Donetsk Oblast in September.",
         regions={"UA-14"}),
    dict(kind="shared names", title="Drone hits car in Mykolaivka",
         body="A Russian drone struck a civilian car in the village of Mykolaivka in Sumy Oblast, injuring the "
              "driver, local authorities said.\n"
              "The village lies a few kilometers from the Russian border.",
         regions={"UA-59"}),
    dict(kind="shared names", title="Shelling damages homes in Novoselivka",
         body="Russian shelling damaged six houses in Novoselivka, a village in Chernihiv Oblast near the border, "
              "the regional administration said on May 7.\n"
              "No one was hurt.",
         regions={"UA-74"}),
    dict(kind="shared names", title="Two killed in attack on Zolochiv community",
         body="Two men were killed in a Russian drone attack on the Zolochiv community of Kharkiv Oblast, Governor "
              "Oleh Syniehubov said.\n"
              "The community lies close to the border with Russia's Belgorod Oblast.",
         regions={"UA-63", "RU-BEL"}),
    dict(kind="shared names", title="Explosion reported in Zolochiv, Lviv Oblast",
         body="A blast was heard in Zolochiv in Lviv Oblast on the night of Dec. 20, local media reported.\n"
              "Lviv Mayor Andrii Sadovyi said the city's air defense worked through the night.",
         regions={"UA-46"}),
    dict(kind="shared names", title="Russian strike hits Pervomaisk",
         body="A Russian missile hit an industrial site in Pervomaisk in Mykolaiv Oblast on Sept. 14, the "
              "regional governor said.\n"
              "There were no casualties.",
         regions={"UA-48"}),
    dict(kind="shared names", title="Village of Stepove comes under fire",
         body="Russian troops shelled the village of Stepove in Zaporizhzhia Oblast, wounding a woman, the "
              "regional administration reported.\n"
              "Fighting continues in the Orikhiv sector.",
         regions={"UA-23"}),
    dict(kind="districts and communities", title="Man injured in attack on Velykyi Burluk community",
         body="A 47-year-old man was injured when Russian forces shelled the Velykyi Burluk community in the "
              "Kupiansk district, the regional prosecutor's office said.\n"
              "The community in Kharkiv Oblast has been under fire since 2022.",
         regions={"UA-63"}),
    dict(kind="districts and communities", title="Shostka district hit by drones",
         body="Russian drones struck energy infrastructure in the Shostka district, leaving thousands without "
              "power, the local administration said.\n"
              "The district borders Russia's Bryansk Oblast.",
         regions={"UA-59", "RU-BRY"}),
    dict(kind="districts and communities", title="Attack on Synelnykove district injures 3",
         body="Three people were injured in the Synelnykove district after a Russian drone attack, regional "
              "officials said on July 16.\n"
              "The Mezhova community was hit twice.",
         regions={"UA-12"}),
    dict(kind="districts and communities", title="Russia strikes Novhorod-Siverskyi community",
         body="Russian artillery fire on the Novhorod-Siverskyi community killed one resident, the Chernihiv "
              "regional administration said.",
         regions={"UA-74"}),
    dict(kind="Kyiv as the government", title="Kyiv says Moscow blocks prisoner exchange",
         body="Kyiv accused Moscow of stalling a prisoner exchange agreed during talks in Istanbul, Ukraine's "
              "Coordination Headquarters for the Treatment of Prisoners of War said.\n"
              "Russia has not commented.",
         regions={"UA-30", "RU-MOW"}),
    dict(kind="Kyiv as the government", title="Zelensky meets European leaders in Brussels",
         body="President Volodymyr Zelensky met European Union leaders in Brussels on Dec. 18 to discuss a loan "
              "backed by frozen Russian assets.\n"
              "Kyiv needs the funds to cover its budget gap next year, officials said.",
         regions={"UA-30"}),
    dict(kind="Kyiv as the government", title="Kyiv, Washington sign minerals agreement",
         body="Ukraine and the United States signed an agreement on critical minerals in Washington, Economy "
              "Minister Yuliia Svyrydenko said.\n"
              "The Kyiv Independent could not verify the final text of the deal.",
         regions={"UA-30"}),
    dict(kind="Kyiv as the government", title="Explosions heard in Kyiv as Russia attacks capital",
         body="Explosions rang out in Kyiv early on Jan. 13 as Russian missiles targeted the capital, Mayor Vitali "
              "Klitschko said.\n"
              "Debris fell in the Shevchenkivskyi and Solomianskyi districts. In Kyiv Oblast, a house was damaged "
              "in Bila Tserkva.",
         regions={"UA-30", "UA-32"}),
    dict(kind="Russian regions", title="Drones attack Belgorod, governor says",
         body="Ukrainian drones targeted Belgorod and the town of Shebekino overnight, Belgorod Oblast Governor "
              "Vyacheslav Gladkov claimed.\n"
              "The Kyiv Independent could not verify the claims.",
         regions={"RU-BEL"}),
    dict(kind="Russian regions", title="Ukraine's General Staff confirms strike on oil depot in Bryansk Oblast",
         body="Ukrainian forces struck an oil depot in Russia's Bryansk Oblast, the General Staff said.\n"
              "Fires also broke out in Kursk Oblast, and Russia's Defense Ministry said it downed drones over the "
              "Voronezh and Rostov regions.",
         regions={"RU-BRY", "RU-KRS", "RU-VOR", "RU-ROS"}),
    dict(kind="Russian regions", title="Explosions at Engels air base in Saratov Oblast",
         body="Explosions were reported at the Engels air base, home to Russia's strategic bombers, the governor "
              "of Saratov Oblast said.\n"
              "The base lies some 600 kilometers from the border with Ukraine.",
         regions={"RU-SAR"}),
    dict(kind="Russian regions", title="Drones hit refinery in Tatarstan",
         body="Drones struck a refinery in Tatarstan, more than 1,000 kilometers from Ukraine, Russian media "
              "reported.\n"
              "The attack followed a strike on the port of Novorossiysk in Krasnodar Krai.",
         regions={"RU-TA", "RU-KDA"}),
    dict(kind="Russian regions", title="Moscow airports close after drone attack",
         body="Airports around Moscow halted flights as Russia's Defense Ministry said it downed 30 drones over the "
              "Moscow region.\n"
              "Sergei Sobyanin, the city's mayor, said debris fell in Ramenskoye.",
         regions={"RU-MOW", "RU-MOS"}),
    dict(kind="Russian regions", title="Ukraine's troops advance in Kursk Oblast",
         body="Ukrainian troops advanced up to two kilometers in Russia's Kursk Oblast, the commander-in-chief "
              "said, a week after the incursion began near Sudzha.\n"
              "Russia evacuated residents of Rylsk and Lgov.",
         regions={"RU-KRS"}),
    dict(kind="Crimea", title="Explosions reported in occupied Sevastopol",
         body="Explosions were heard in occupied Sevastopol on the morning of Sept. 22, the Russian-installed "
              "governor said.\n"
              "Ukraine has struck Russia's Black Sea Fleet in Crimea many times.",
         regions={"UA-40", "UA-43"}),
    dict(kind="Crimea", title="Crimean Bridge closed after attack",
         body="Traffic on the Crimean Bridge was halted after an attack early on July 17, the Russian-installed "
              "authorities said.\n"
              "The bridge links Russia's Krasnodar Krai with the occupied peninsula.",
         regions={"UA-43", "RU-KDA"}),
    dict(kind="Crimea", title="Partisans report strike on airfield near Dzhankoi",
         body="Ukrainian partisans said a missile strike hit an airfield near Dzhankoi in northern Crimea, "
              "destroying a helicopter.",
         regions={"UA-43"}),
    dict(kind="landmarks and rivers", title="IAEA says power line to nuclear plant restored",
         body="The last power line to the Zaporizhzhia Nuclear Power Plant was restored after a five-day outage, "
              "the International Atomic Energy Agency said.\n"
              "The plant lies on the bank of the Kakhovka Reservoir, drained since the Kakhovka dam was destroyed.",
         regions={"UA-23", "UA-65"}),
    dict(kind="landmarks and rivers", title="Ukraine marks anniversary of Chornobyl disaster",
         body="Ukraine marked 39 years since the Chornobyl disaster on April 26.\n"
              "A Russian drone hit the shelter over the destroyed reactor in February, the IAEA said.",
         regions={"UA-32"}),
    dict(kind="landmarks and rivers", title="Ukrainian forces hold positions on left bank of Dnipro",
         body="Ukrainian marines hold positions on the left bank of the Dnipro River, the Navy said, without "
              "naming the settlements.\n"
              "Crossing the river under drone fire remains the main challenge.",
         regions=set()),
    dict(kind="names that are no places", title="Putin says Russia open to talks",
         body="Russian President Vladimir Putin said Moscow was open to talks, but repeated demands Kyiv has "
              "rejected.\n"
              "Kremlin spokesperson Dmitry Peskov said no meeting was planned.",
         regions={"RU-MOW", "UA-30"}),
    dict(kind="names that are no places", title="EU agrees 19th sanctions package against Russia",
         body="European Union ambassadors agreed a new package of sanctions against Russia, targeting its shadow "
              "fleet and banks in third countries.\n"
              "The package must still be approved by ministers in Luxembourg.",
         regions=set()),
    dict(kind="names that are no places", title="Ukraine receives $1 billion from World Bank",
         body="Ukraine received $1 billion through the World Bank to cover social spending, Prime Minister Denys "
              "Shmyhal said.\n"
              "The funds come from Japan and the United Kingdom.",
         regions=set()),
    dict(kind="names that are no places", title="Poet Taras Shevchenko's museum reopens",
         body="A museum devoted to the poet Taras Shevchenko reopened after repairs, Culture Minister Mykola "
              "Tochytskyi said.\n"
              "Anna Bondarenko, its director, said visitors could book tours online.",
         regions=set()),
    dict(kind="names that are no places", title="NATO allies pledge air defense at summit",
         body="NATO allies pledged new air defense systems for Ukraine at a summit in The Hague, Secretary General "
              "Mark Rutte said.\n"
              "Germany and the Netherlands will finance two Patriot systems.",
         regions=set()),
    dict(kind="names that are no places", title="Trump speaks with Zelensky after Paris meeting",
         body="U.S. President Donald Trump spoke with President Volodymyr Zelensky by phone after talks in Paris, "
              "the White House said.\n"
              "Artem Sytnyk and Stanislav Zhuk, two former officials, attended as observers.",
         regions=set()),
    dict(kind="mixed", title="Russian drones hit Lviv, Ternopil; debris in Chernivtsi",
         body="Russian drones struck Lviv and Ternopil overnight on Nov. 19, killing 25 people in Ternopil, "
              "regional officials said.\n"
              "Debris fell in Chernivtsi, and air defense worked over Zakarpattia.",
         regions={"UA-46", "UA-61", "UA-77", "UA-21"}),
    dict(kind="mixed", title="Russia's summer offensive focuses on Pokrovsk, Kupiansk, Huliaipole",
         body="Russia has concentrated its troops on the Pokrovsk, Kupiansk, and Huliaipole axes, Commander-in-"
              "Chief Oleksandr Syrskyi said.\n"
              "Ukrainian forces also repelled attacks in Luhansk Oblast near Bilohorivka.",
         regions={"UA-14", "UA-63", "UA-23", "UA-09"}),
    dict(kind="mixed", title="Ukrainian drones strike airfield in Crimea, port in Novorossiysk",
         body="Ukraine's drones hit the Saky airfield in western Crimea and a naval base in Novorossiysk, the "
              "Security Service said.\n"
              "Russia claimed it downed 40 drones over the Black Sea, Crimea, and Krasnodar Krai.",
         regions={"UA-43", "RU-KDA"}),
    dict(kind="mixed", title="Kropyvnytskyi, Poltava hit by missiles",
         body="Russian missiles struck an industrial facility in Kropyvnytskyi and a gas site in Poltava Oblast, "
              "officials said on Feb. 5.\n"
              "A man was injured in Myrhorod.",
         regions={"UA-35", "UA-53"}),
    dict(kind="daily attacks", title="Russian attacks kill 4, injure 27 across 10 oblasts",
         body="Russian attacks on Ukraine killed four civilians and injured 27 over the past day, regional "
              "authorities reported on Aug. 21.\n"
              "In Dnipropetrovsk Oblast, a drone hit a bus in Pokrov, wounding six passengers, Governor Serhii "
              "Lysak said. Nikopol was shelled again.\n"
              "In Zaporizhzhia Oblast, a man was killed in Vasylivka.\n"
              "Two people were injured in Chuhuiv and Balakliia, the Kharkiv regional governor said.\n"
              "Luhansk, Mykolaiv, Odesa, Poltava, and Sumy oblasts also came under fire.",
         regions={"UA-12", "UA-23", "UA-63", "UA-09", "UA-48", "UA-51", "UA-53", "UA-59"}),
    dict(kind="oblast lists", title="Blackouts in Kyiv, Zhytomyr, Vinnytsia oblasts after strikes",
         body="Scheduled blackouts returned to the Kyiv, Zhytomyr, and Vinnytsia oblasts after Russia hit power "
              "plants overnight.\n"
              "Kyiv itself was spared cuts, Kyiv City Military Administration head Tymur Tkachenko said, while "
              "Korosten and Berdychiv lost power for several hours.",
         regions={"UA-32", "UA-18", "UA-05", "UA-30"}),
    dict(kind="Russian regions", title="Russia says drones downed over 7 regions",
         body="Russia's Defense Ministry claimed it shot down 112 Ukrainian drones over the Belgorod, Kursk, "
              "Bryansk, Oryol, Tula, Kaluga, and Smolensk regions overnight.\n"
              "A fire broke out at a refinery in Ryazan, the local governor said.",
         regions={"RU-BEL", "RU-KRS", "RU-BRY", "RU-ORL", "RU-TUL", "RU-KLU", "RU-SMO", "RU-RYA"}),
    dict(kind="Russian regions", title="Oil terminal in Leningrad Oblast on fire after drone attack",
         body="A fire broke out at the Ust-Luga oil terminal in Russia's Leningrad Oblast after a drone attack, "
              "the regional governor said.\n"
              "Flights at St. Petersburg's Pulkovo airport were briefly suspended.",
         regions={"RU-LEN", "RU-SPE"}),
    dict(kind="mixed", title="Explosions in Kharkiv, Dnipro, Mykolaiv as Russia launches missiles",
         body="Explosions were heard in Kharkiv, Dnipro, and Mykolaiv early on Oct. 10 as Russia launched "
              "missiles from the Caspian Sea, the Air Force said.\n"
              "In Cherkasy Oblast, an energy facility near Smila was damaged.",
         regions={"UA-63", "UA-12", "UA-48", "UA-71"}),
    dict(kind="Crimea", title="Partisans say rail line near Yevpatoria sabotaged",
         body="Ukrainian partisans said they sabotaged a rail line near Yevpatoria and Saky in Crimea used to "
              "supply Russian troops in Kherson and Zaporizhzhia oblasts.",
         regions={"UA-43", "UA-65", "UA-23"}),
]
