"""A second set of hand-labelled articles, written and labelled after the matcher was tuned on
``articles.py`` and kept out of that tuning: its precision and recall are the honest ones."""

HELDOUT = [
    dict(title="Russian strikes on Kherson Oblast's Bilozerka kill woman",
         body="A 71-year-old woman was killed when a Russian drone dropped explosives on Bilozerka, the regional "
              "administration said on Jan. 8.\n"
              "Across the oblast, 14 people were injured over the past day.",
         regions={"UA-65"}),
    dict(title="Explosions reported at refinery in Nizhny Novgorod Oblast",
         body="Drones attacked the Kstovo refinery in Russia's Nizhny Novgorod Oblast overnight, the regional "
              "governor said.\n"
              "The refinery is one of the largest in central Russia.",
         regions={"RU-NIZ"}),
    dict(title="Occupation authorities in Melitopol detain teacher",
         body="Russian occupation authorities detained a school teacher in occupied Melitopol, the Ukrainian "
              "ombudsman said.\n"
              "Residents of Berdiansk and Tokmak have reported similar detentions.",
         regions={"UA-23"}),
    dict(title="Ukraine returns bodies of fallen soldiers",
         body="Ukraine received the bodies of 909 fallen soldiers in a repatriation, the Coordination "
              "Headquarters said.\n"
              "The Verkhovna Rada voted on the same day to extend martial law by 90 days.",
         regions=set()),
    dict(title="Drone debris injures 3 in Irpin, Bucha",
         body="Falling debris from a downed Russian drone injured three people in Irpin and damaged houses in "
              "Bucha, Kyiv Oblast Governor Mykola Kalashnyk said.\n"
              "Air defense worked over the capital for four hours.",
         regions={"UA-32"}),
    dict(title="Strike on Taganrog aircraft plant",
         body="Ukrainian drones struck an aircraft plant in Taganrog in Russia's Rostov Oblast, the General Staff "
              "said. Explosions were also reported in Millerovo.\n"
              "Yeysk, across the Sea of Azov in Krasnodar Krai, came under attack the same night.",
         regions={"RU-ROS", "RU-KDA"}),
    dict(title="Kharkiv Oblast's Balakliia hit by missiles",
         body="Russian missiles hit the center of Balakliia, injuring 12 people, Governor Oleh Syniehubov said.\n"
              "In neighboring Donetsk Oblast, shelling damaged homes in Sloviansk and Kramatorsk.",
         regions={"UA-63", "UA-14"}),
    dict(title="Lviv-based volunteers deliver generators to Kherson",
         body="A group of Lviv-based volunteers delivered 40 generators to Kherson, where Russian strikes have cut "
              "power to thousands of homes.\n"
              "The volunteers plan to deliver more to Mykolaiv next week.",
         regions={"UA-46", "UA-65", "UA-48"}),
    dict(title="Chechen leader Kadyrov claims drone attack on Grozny",
         body="Chechen leader Ramzan Kadyrov said Ukrainian drones hit a police building in Grozny, the capital of "
              "Chechnya.\n"
              "Drones were also downed over Dagestan and North Ossetia, Russian authorities said.",
         regions={"RU-CE", "RU-DA", "RU-SE"}),
    dict(title="Russia claims capture of Toretsk",
         body="Russia's Defense Ministry claimed its troops captured Toretsk in Donetsk Oblast, which Ukraine's "
              "military denied.\n"
              "Fighting continued near Chasiv Yar and Siversk.",
         regions={"UA-14"}),
    dict(title="Ukraine signs defense deal with Denmark",
         body="Ukraine and Denmark signed an agreement to produce drones in Denmark, Defense Minister Rustem Umerov "
              "said in Copenhagen.\n"
              "Kyiv hopes to sign similar deals with Sweden and Norway.",
         regions={"UA-30"}),
    dict(title="Russian glide bombs hit Sumy Oblast border communities",
         body="Russian forces dropped glide bombs on the Khotin and Velyka Pysarivka communities of Sumy Oblast, "
              "killing one, the military administration said.\n"
              "Shelling also hit Okhtyrka and Konotop.",
         regions={"UA-59"}),
    dict(title="Russian drones attack Lipetsk, Voronezh oblasts",
         body="Russia's governors in the Lipetsk and Voronezh oblasts said drones attacked industrial sites, "
              "causing fires at a substation near Yelets.",
         regions={"RU-LIP", "RU-VOR"}),
    dict(title="Mariupol residents face water shortages under occupation",
         body="Residents of occupied Mariupol have gone without running water for weeks, the city's exiled mayor "
              "said.\n"
              "The Azovstal steel plant, the last holdout of the city's defenders in 2022, has been demolished.",
         regions={"UA-14"}),
    dict(title="Ukraine's railway restores Kyiv-Odesa route after strike",
         body="Ukrzaliznytsia restored trains between Kyiv and Odesa after a Russian strike damaged the tracks "
              "in Vinnytsia Oblast.\n"
              "Passengers to Lviv and Chernivtsi faced delays of up to three hours.",
         regions={"UA-30", "UA-51", "UA-05", "UA-46", "UA-77"}),
    dict(title="Ukraine's forces repel assaults near Kurakhove",
         body="Ukrainian troops repelled 34 Russian assaults in the Kurakhove and Pokrovsk sectors, the General "
              "Staff said. Two attacks were stopped near Velyka Novosilka.\n"
              "Russia also attacked near Lyman and Kupiansk.",
         regions={"UA-14", "UA-63"}),
]
