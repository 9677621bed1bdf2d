"""General news vocabulary added to resources/claims/synonyms.json: places, titles, verbs, number words.

Written as news usage in general, not from any labelled set. A group's first entry names it. Groups in
`PLACES` and `INSTITUTIONS` are proper nouns: a capitalised word inside a sentence is read through
them, never through the verb and noun groups ("Cyber Command" is a name, "commanded" an order).
"""

from __future__ import annotations

# country, then its demonyms (singular and plural), its capital and other metonyms
PLACES: list[list[str]] = [
    ["russia", "russian", "russians", "moscow", "kremlin", "russian federation"],
    ["ukraine", "ukrainian", "ukrainians", "kyiv", "kiev"],
    ["china", "chinese", "beijing", "prc"],
    ["north korea", "north korean", "north koreans", "pyongyang", "dprk"],
    ["south korea", "south korean", "south koreans", "seoul", "rok"],
    ["japan", "japanese", "tokyo"],
    ["taiwan", "taiwanese", "taipei"],
    ["india", "indian", "indians", "new delhi"],
    ["pakistan", "pakistani", "pakistanis", "islamabad"],
    ["afghanistan", "afghan", "afghans", "kabul"],
    ["iran", "iranian", "iranians", "tehran"],
    ["iraq", "iraqi", "iraqis", "baghdad"],
    ["syria", "syrian", "syrians", "damascus"],
    ["israel", "israeli", "israelis"],
    ["turkey", "turkish", "ankara", "turkiye"],
    ["saudi arabia", "saudi", "saudis", "riyadh"],
    ["egypt", "egyptian", "egyptians", "cairo"],
    ["indonesia", "indonesian", "indonesians", "jakarta"],
    ["malaysia", "malaysian", "malaysians", "kuala lumpur"],
    ["thailand", "thai", "thais", "bangkok"],
    ["myanmar", "burma", "burmese", "naypyidaw"],
    ["bangladesh", "bangladeshi", "bangladeshis", "dhaka"],
    ["philippines", "philippine", "filipino", "filipinos", "manila"],
    ["vietnam", "vietnamese", "hanoi"],
    ["australia", "australian", "australians", "canberra"],
    ["canada", "canadian", "canadians", "ottawa"],
    ["mexico", "mexican", "mexicans"],
    ["brazil", "brazilian", "brazilians", "brasilia"],
    ["argentina", "argentine", "argentinian", "buenos aires"],
    ["france", "french", "elysee"],
    ["germany", "german", "germans", "berlin"],
    ["italy", "italian", "italians"],
    ["spain", "spanish", "madrid"],
    ["poland", "polish", "poles", "warsaw"],
    ["netherlands", "dutch", "the hague"],
    ["belgium", "belgian", "belgians"],
    ["sweden", "swedish", "swedes", "stockholm"],
    ["norway", "norwegian", "norwegians", "oslo"],
    ["finland", "finnish", "finns", "helsinki"],
    ["denmark", "danish", "danes", "copenhagen"],
    ["greece", "greek", "greeks", "athens"],
    ["ireland", "irish", "dublin"],
    ["switzerland", "swiss", "bern"],
    ["austria", "austrian", "austrians", "vienna"],
    ["hungary", "hungarian", "hungarians", "budapest"],
    ["romania", "romanian", "romanians", "bucharest"],
    ["serbia", "serbian", "serbs", "belgrade"],
    ["belarus", "belarusian", "belarusians", "minsk"],
    ["georgia", "georgian", "georgians", "tbilisi"],
    ["nigeria", "nigerian", "nigerians", "abuja"],
    ["kenya", "kenyan", "kenyans", "nairobi"],
    ["ethiopia", "ethiopian", "ethiopians", "addis ababa"],
    ["south africa", "south african", "south africans", "pretoria"],
    ["sudan", "sudanese", "khartoum"],
    ["libya", "libyan", "libyans", "tripoli"],
    ["venezuela", "venezuelan", "venezuelans", "caracas"],
    ["colombia", "colombian", "colombians", "bogota"],
    ["cuba", "cuban", "cubans", "havana"],
    ["lebanon", "lebanese", "beirut"],
    ["jordan", "jordanian", "jordanians", "amman"],
    ["yemen", "yemeni", "yemenis", "sanaa"],
    ["qatar", "qatari", "doha"],
    ["palestinian territories", "palestinian", "palestinians"],
    ["european union", "eu", "brussels"],
    ["united nations", "un", "u n"],
]

# extra words for groups of synonyms.json (joined by the group's first entry) and new proper groups
INSTITUTIONS: list[list[str]] = [
    ["us", "usa", "u s a", "americans", "united states of america", "white house"],
    ["uk", "downing street", "whitehall"],
    ["nato", "north atlantic treaty organization"],
]

TITLES: list[list[str]] = [
    ["defense chief", "defense secretary", "defence secretary", "secretary of defense", "secretary of defence",
     "defense minister", "defence minister", "minister of defense", "minister of defence", "pentagon chief",
     "pentagon head", "secdef", "war secretary", "secretary of war"],
    ["foreign minister", "foreign secretary", "secretary of state", "minister of foreign affairs",
     "top diplomat", "chief diplomat"],
    ["prime minister", "premier", "pm"],
    ["spokesperson", "spokesman", "spokeswoman", "press secretary", "representative"],
    ["chief", "head", "director", "boss", "commander"],
    ["minister", "secretary"],
    ["military", "army", "armed forces", "troops", "soldiers", "forces"],
    ["navy", "naval", "warship", "coast guard"],
    ["lawmaker", "legislator", "congressman", "congresswoman", "mp", "senator"],
]

VERBS: list[list[str]] = [
    ["pause", "cease", "hold off", "put on ice", "wind down", "scrap", "abandon", "stop"],
    ["begin", "resume", "restart", "reinstate", "switch on", "turn on", "kick off", "relaunch", "reopen"],
    ["deny", "contradict", "push back", "rebut", "deny", "denial"],
    ["confirm", "admit", "concede", "affirm", "confirmation"],
    ["order", "instruct", "tell to", "demand"],
    ["attack", "shell", "shelling", "bomb", "bombard", "bombing", "airstrike", "target", "fire on", "fire at", "open fire"],
    ["increase", "soar", "rocket", "spike", "mount", "swell", "double", "treble"],
    ["decrease", "lower", "slash", "shrink", "dip", "tumble", "ease", "cut back"],
    ["agreement", "agree", "consent", "approve", "endorse", "sign off"],
    ["kill", "die", "died", "deadly", "fatal", "perish", "death toll", "lose their lives", "lost their lives"],
    ["injure", "hurt", "injured", "wounded"],
    ["rescue", "save", "pull to safety", "pluck", "pick up", "retrieve"],
    ["collapse", "topple", "cave in", "come down", "came down", "bring down", "brought down", "crash"],
    ["evacuate", "evacuation", "move to shelter", "relocate", "flee"],
    ["threaten", "threat", "ultimatum"],
    ["criticize", "censure", "rebuke", "lambast", "decry", "hit out"],
    ["cooperate", "work together", "join forces", "collaborate"],
    ["investigate", "look into", "examine", "review"],
    ["warn", "alert", "caution"],
    ["shelter", "housing", "accommodation", "refuge", "shelters"],
    ["propaganda", "psychological warfare"],
    ["rapprochement", "improve relations", "improved relations", "better relations", "closer ties", "warmer ties",
     "thaw", "reset", "detente", "normalize relations", "normalise relations", "goodwill"],
    ["safety", "protection", "protect", "safe", "safeguard", "wellbeing", "well being"],
    ["priority", "prioritize", "prioritise", "focus", "focused"],
    ["vulnerable", "exposed", "susceptible", "at risk", "open to"],
    ["unchanged", "unaffected", "no change", "not affected", "not changed", "remain in place", "intact"],
    ["commitment", "committed", "dedicated", "dedication"],
    ["defense", "defence"],
]

# words that carry no claim, read before stemming
STOPWORDS: list[str] = ["stated", "added", "noted", "announced", "explained", "insisted", "remarked",
                        "around", "about", "some", "least", "nearly", "almost", "roughly", "approximately"]

# written closed, spaced or hyphenated: "cyberattack", "cyber attack", "cyber-attack" read as two words
PREFIXES: list[str] = ["cyber"]

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
         "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000}
