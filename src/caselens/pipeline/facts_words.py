"""The ways reviews say what happened to a child: word lists for outcome and harm.

Kept apart from the logic in ``facts_harm`` so the vocabulary can grow without the
rules around it. Each list names a kind of event by its many phrasings (synonyms,
passive and active voice, a noun or a verb), never by one review's sentence. Every
gap is bounded (``{0,n}``) so matching stays linear in the length of a sentence.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
CARER = (
    r"mother|father|parents?|step-?father|step-?mother|partner|boyfriend|carer|guardian|"
    r"adopter|adoptive|relative|grand(?:mother|father|parent)|babysitter|uncle|aunt|mum|dad"
)
_CHILD = (
    r"(?:him|her|the\s+(?:baby|child|infant|toddler|boy|girl)|(?:his|her)\s+(?:son|daughter|baby))"
)
_SLEEP_VERB = r"(?:slept|sleeping|sleeps|asleep|dozed|dozing|nap(?:ped|ping)?|sleep)"
_SOFT_PLACE = r"(?:sofa|couch|settee|armchair|chair|beanbag|futon)"
# A cot or crib by the parents' bed is the safe place a baby should sleep.
_OWN_BED = r"(?:cot|crib|moses|basket|bassinet|own|next-to-me)\b"
_PARENTS = (
    r"(?:(?:both\s+)?(?:his|her|their|the|an?|both)\s+)?(?:\w+\s+)?"
    rf"(?:{CARER}|adults?|mother\s+and\s+father|parents)"
)

# A child taking drugs or medicines left within reach: serious harm, and neglect.
_SUBSTANCE = (
    r"(?:methadone|heroin|cocaine|crack|cannabis|edibles|ecstasy|MDMA|amphetamines?|"
    r"drugs?|medication|medicines?|tablets|pills|pregabalin|diazepam|codeine|opioids?|"
    r"paracetamol|anti-?depressants?)"
)
_INGESTED = (
    # not an adult "drinking or using drugs", "his drinking and cannabis use": habits listed
    r"(?:drank|drinking(?!\s+(?:or|and|,)\s)|swallow\w*|ingest\w*|ingestion|ate|eaten|"
    r"eating|consum\w*|"
    # nor "drinking alcohol or using drugs": a second habit joined on, not what was drunk
    rf"(?:got|get|getting)\s+hold\s+of)\s+(?:(?!(?:or|and|nor)\b)[\w'-]+\s+){{0,4}}{_SUBSTANCE}"
)

# A test of the child's urine, hair or blood finding drugs: the child took them in,
# which is serious harm and neglect. A parent's own test ("her urine screen", "in the
# mother's blood") is no harm to the child, and nor is a urine or hair test taken after
# the child's death: only the living give those, so it was a surviving adult's (tests
# of the child's body are toxicology or blood samples, which still count).
_TOXIC = _SUBSTANCE[:-1] + r"|opiates?|benzodiazepines?|alcohol|THC)"
_TEST = r"(?:tests?|testing|screens?|samples?|analysis)"
_AFTER_DEATH = (
    r"(?:(?:taken|done|carried\s+out)\s+)?(?:after|following)\s+(?:the|his|her)\s+death\b"
)
_CHILD_TESTED = (
    r"(?<!her\s)(?<!his\s)(?<!their\s)(?<!mother's\s)(?<!father's\s)"
    rf"(?:toxicology|blood\s+{_TEST}|(?:urine|hair(?:[\s-]strand)?)\s+{_TEST}(?!\s+{_AFTER_DEATH}))"
    r"\s+(?:[\w'-]+\s+){0,3}?(?:found|showed|revealed|detected|confirmed|"
    r"(?:was|were)\s+positive\s+for)\s+"
    # not the adults' own levels: "blood tests showed the parents' alcohol levels"
    r"(?!(?:the\s+|both\s+)?(?:parents'|parent's|mother's|father's|partner's|carer's|carers'|"
    r"adults'|adult's)\s)"
    r"(?:(?!(?:no|not|nothing)\b)[\w'-]+\s+){0,3}?"
    + _TOXIC
    # an adult's own result, the adult named as a parent or by title: "in Ms L's blood"
    + r"(?![^.;]{0,60}\b(?:(?:mother|father|parent|partner|carer)s?'s?"
    + r"|(?:ms|mrs|miss|mr)\s+\w+'s)\s)"
)

# ---- outcome -------------------------------------------------------------------------
DEATH = re.compile(
    r"\b(?:died|dies|death|deaths|dead|deceased|killed|killing|fatal(?:ly)?|murder(?:ed)?|"
    r"manslaughter|drowned|infanticide|homicide|passed\s+away|life\s+support|life\s+extinct|"
    r"pronounced\s+(?:dead|life\s+extinct)|SUDI|SUDC|took\s+(?:his|her|their)\s+own\s+life|"
    r"(?:could\s+not|couldn't|was\s+not\s+able\s+to)\s+be\s+(?:revived|saved|resuscitated)|"
    r"(?:unable|failed)\s+to\s+(?:revive|resuscitate|save)\s+(?:him|her|them|the\s+\w+)|"
    r"(?:resuscitation|attempts\s+to\s+resuscitate\s+\w+)\s+(?:was|were)\s+(?:unsuccessful|"
    r"stopped|abandoned|not\s+successful)|did\s+not\s+survive|lost\s+(?:his|her)\s+life)\b",
    _I,
)
NOT_CHILD_DEATH = re.compile(
    rf"\b(?:(?:own|his|her|their|the)\s+)?(?:{CARER}|husband|wife|relatives?|friend)s?\s+"
    r"(?:had\s+|has\s+|who\s+)?(?:died|dies|death|took\s+(?:his|her)\s+own\s+life)\b"
    rf"|\bdeath\s+of\s+(?:his|her|their|a|the)\s+(?:own\s+)?(?:{CARER}|husband|wife|relatives?|friend)\b"
    r"|\battempt(?:ed|s)?\s+(?:to\s+)?(?:murder|kill)\w*|\battempted\s+(?:murder|manslaughter)"
    r"|\b(?:risk|risks|danger|fear|threat)s?\s+(?:of|to)\s+(?:\w+\s+){0,2}(?:death|dying)"
    r"|\b(?:could|might|would|may)\s+(?:have\s+)?(?:died|been\s+killed)|\b(?:near|non)[\s-](?:death|fatal)"
    r"|\b(?:previous|earlier|first|older|elder|another)\s+(?:baby|child|son|daughter|sibling)\b[^.;]{0,40}?\b(?:died|death)\b"
    r"|\blost\s+(?:a|her|his|their)\s+(?:previous|first|earlier|older)?\s*(?:baby|child|son|daughter)\b[^.;]{0,30}?\b(?:death|died)\b",
    _I,
)
SERIOUS = re.compile(
    r"\b(?:injur(?:y|ies|ed)|fractur\w*|broken\s+(?:bones?|ribs?|legs?|arms?|skull|femur)|"
    r"brain\s+(?:injury|damage|haemorrhage|bleed\w*|swelling)|subdural|head\s+injur\w*|"
    r"bleed(?:ing|s)?\s+(?:on|in|around)\s+the\s+brain|significant\s+harm|"
    r"serious(?:ly)?\s+(?:harm|hurt|injur\w*|ill)|life[\s-](?:changing|threatening|limiting)|"
    r"catastrophic|critical(?:ly)?\s+(?:ill|condition|injur\w*)|"
    r"permanent(?:ly)?\s+(?:disab\w*|damage\w*|impair\w*|brain|injur\w*|blind\w*)|"
    r"profound(?:ly)?\s+(?:disab\w*|impair\w*|brain)|(?:left|is|was)\s+(?:severely\s+)?disabled|"
    r"(?:paediatric\s+|neonatal\s+)?intensive\s+care|PICU|high\s+dependency|"
    r"ventilat(?:ed|ion|or)|life\s+support|resuscitat\w*|cardiac\s+arrest|respiratory\s+arrest|"
    r"stopped\s+breathing|not\s+breathing|unresponsive|unconscious|hypoxic|hypotherm\w*|"
    r"emergency\s+department|hospitali[sz]ed|admitted\s+to\s+(?:[\w']+\s+){0,3}hospital|"
    r"(?:emergency\s+|urgent\s+)?admission\s+to\s+(?:[\w']+\s+){0,3}hospital|"
    r"(?:(?:he|she|the\s+(?:baby|child|infant|toddler))\s+|(?:Baby|Child)\s+[A-Z]\s+)"
    r"(?:spent|stayed|remained)\s+(?:\w+\s+){1,2}(?:days?|weeks?|nights?|months?)\s+in\s+hospital|"
    r"(?:taken|rushed|brought|conveyed|transferred)\s+(?:\w+\s+){0,2}to\s+(?:\w+\s+)?hospital|"
    r"children's\s+ward|"
    r"hospital\s+treatment|emergency\s+(?:surgery|treatment|operation)|"
    r"strangulation|suffocation|poison\w*|"
    + _CHILD_TESTED
    + r"|"
    + _INGESTED
    + r"|exploitation|exploited|sexual(?:ly)?\s+abus\w*|"
    r"grievous\s+bodily\s+harm|bodily\s+harm|collapsed|burns?|scald\w*|shaken|shook)\b",
    _I,
)

# "shook the bottle", "shook his head", "shook hands": a thing shaken, not a child.
_SHOOK_A_THING = (
    r"(?!\s+(?:(?:his|her|their|my)\s+heads?|hands|(?:the|a|an|his|her|their)\s+(?:\w+\s+)?"
    r"(?:bottles?|formula|feeds?|powder|tins?|tubs?|jars?|containers?|rattles?|toys?|"
    r"blankets?|duvets?|fists?)\b))"
)

# Words of drinking or swallowing: whether an adult or the child did it is read before
# them (``facts_whose.ADULT_CONSUMER``).
INGESTION = re.compile(r"drank|drinking|swallow|ingest|ate\b|eaten|eating|consum|got|get", _I)

# A person "shaken" by what happened: 'he said he had been "shaken" by the attendance'.
_SHAKEN_BY_EVENTS = (
    r"(?!\s+by\s+(?:the|what|this|that|her|his|their)\s+(?:\w+\s+)?(?:news|attendance|incident|"
    r"experience|events?|death|visit|admission|call|conversation|meeting|arrest|diagnosis)\b)"
)

# ---- harm types ----------------------------------------------------------------------
NAI = re.compile(
    r"\b(?:non[\s-]accidental(?:\s+(?:head\s+)?injur\w*)?|inflicted|abusive\s+head\s+trauma|"
    r"(?<![\"\u201c'\u2018])shaken(?![\"\u201d'\u2019])" + _SHAKEN_BY_EVENTS + r"(?:\s+baby)?|"
    r"shak(?:e|es|ing)\s+" + _CHILD + r"|shook" + _SHOOK_A_THING + "|"
    # "haemorrhages consistent with shaking": the clinical finding names the mechanism
    r"(?:consistent|in\s+keeping|compatible)\s+with\s+shaking|shaking\s+injur\w*|"
    r"fractur\w*|broken\s+(?:bones?|ribs?|legs?|arms?|skull|femur)|smother\w*|strangl\w*|strangul\w*|"
    r"blunt[\s-]force\s+(?:\w+\s+)?(?:injur\w*|trauma)|"
    r"grievous\s+bodily\s+harm|actual\s+bodily\s+harm|murder\w*|infanticide|filicide|"
    r"physical(?:ly)?\s+abus\w*|poison(?:ed|ing)|bite\s+marks?|human\s+bites?|"
    r"unexplained\s+(?:\w+\s+)?(?:injur\w*|bruis\w*|bleed\w*)|"
    # injuries left without an account: "how the baby came to be hurt was never explained",
    # "his fractures have never been explained"
    r"(?:injur\w*|hurt|fractur\w*|bruis\w*)\s+(?:\w+\s+){0,3}?(?:was|were|has|have|had)\s+(?:never|not)\s+"
    r"(?:been\s+)?(?:fully\s+|satisfactorily\s+)?explained|"
    r"deliberate(?:ly)?\s+(?:\w+\s+)?(?:inflicted|caused|harmed|injured|burn\w*|scald\w*|hurt)|"
    r"(?:were|was|been)\s+(?:found|judged|thought|considered|believed)\s+to\s+(?:be|have\s+been)\s+"
    r"(?:deliberate|inflicted|intentional)|"
    r"(?:given|fed|administered)\s+(?:\w+\s+){0,3}(?:methadone|heroin|drugs?|alcohol|medication)|"
    r"(?:killed|killing|attacked|assaulted|beaten|hit|punched|kicked|bitten|slapped|thrown|"
    rf"stamped\s+on|squeezed)\s+(?:\w+\s+){{0,4}}by\s+(?:his|her|their|the)\s+(?:\w+\s+)?(?:{CARER})|"
    # "Sam suffered extensive injuries while he was being cared for by his mother"
    r"injur\w*\s+(?:\w+\s+){0,3}?while\s+(?:he|she|they|the\s+(?:baby|child|boy|girl|twins))\s+"
    r"(?:was|were)\s+(?:being\s+)?(?:in\s+the\s+(?:sole\s+)?care\s+of|cared\s+for\s+by|"
    r"looked\s+after\s+by|left\s+(?:alone\s+)?with|living\s+with)\s+(?:his|her|their|the)\s+"
    rf"(?:\w+\s+)?(?:{CARER})|"
    # "her mother, during a psychotic episode, caused her serious injuries"
    rf"(?:{CARER})\b[^.;]{{0,60}}?\bcaused\s+(?:him|her|them|the\s+(?:baby|child|infant))\s+"
    r"(?:\w+\s+){0,2}?injur\w*|"
    # "his stepfather, who used heroin, had hit him"
    rf"(?:{CARER}),\s+(?:who|whom)\s+[^,.;]{{1,60}},\s+(?:had\s+)?(?:hit|punched|beat|assaulted|"
    r"attacked|kicked|bit|slapped|threw|squeezed|shook)\s+" + _CHILD + r"|"
    rf"(?:{CARER})\s+(?:\w+\s+){{0,2}}(?:killed|hit|punched|beat|assaulted|attacked|kicked|bit|"
    r"slapped|threw|squeezed|stamped\s+on)\s+" + _CHILD + r"|"
    r"(?:assault\w*|attack\w*|beat(?:ing|en)?|punch\w*|kick\w*|threw|throw(?:n|ing)?|"
    r"hit(?:ting)?|slapp\w*|bit|biting|stabb\w*|"
    r"squeez\w*|stamp\w*\s+on)\s+(?:the|a)\s+(?:baby|infant|toddler|child)|"
    r"(?:baby|infant|toddler|newborn|Baby\s+[A-Z]|Child\s+[A-Z])\s+(?:was|had\s+been)\s+"
    r"(?:\w+\s+)?(?:assaulted|attacked|beaten|punched|kicked|thrown|bitten|slapped|stamped\s+on)"
    r"(?!\s+by\s+(?:a|an|the)\s+(?:car|vehicle|van|lorry|bus|dog)))\b",
    _I,
)
# Kinds of harm that can be inflicted or can follow neglect: a conviction for
# manslaughter or culpable homicide, a burn or scald. They count as inflicted injury
# only when the text names no neglect and no unsafe sleep.
NAI_WEAK = re.compile(
    r"\b(?:manslaughter|(?:culpable\s+)?homicide|scald(?:ed|ing|s)?|"
    # a baby's grave head injury, told without its cause
    r"(?:life-threatening|catastrophic|severe|serious|significant|devastating|fatal)\s+"
    r"(?:brain\s+and\s+)?head\s+injur(?:y|ies)|"
    # bleeding over the brain and behind the eyes together, the signs of a shaken baby:
    # "a subdural haemorrhage and bleeding behind both eyes", "subdural and retinal
    # haemorrhages"
    r"(?:subdural|(?:bleeding|bleed|haemorrhages?)\s+(?:on|over|in)\s+the\s+brain)\b[^.;]{0,60}?"
    r"\b(?:retinal|(?:behind|in)\s+(?:both|the|his|her)\s+eyes)|"
    # "died aged nine weeks from head injuries": the death names the injury as its cause
    r"(?:died|death)\s+(?:\w+\s+){0,4}?(?:from|of)\s+(?:a\s+|the\s+)?(?:brain\s+and\s+)?"
    r"head\s+injur(?:y|ies)|"
    r"burns?\s+(?:to|on)\s+(?:his|her|the)\b|burned|burnt)\b",
    _I,
)
NEGLECT = re.compile(
    r"\b(?:neglect(?:ed|ful)?|faltering\s+growth|failure\s+to\s+thrive|malnourish\w*|"
    r"malnutrition|undernourish\w*|starv\w*|dehydrat\w*|unsupervised|unattended|underweight|"
    r"(?:faltering|poor)\s+(?:weight\s+gain|growth)|weight\s+faltering|"
    r"(?:failed|failure|fail(?:ing)?|delay\w*)\s+(?:\w+\s+){0,2}(?:to\s+|in\s+)?seek\w*\s+(?:\w+\s+)?(?:medical|timely)\s+(?:help|attention|care|treatment|advice)|"
    # not "at home alone with her mother's partner": an adult was there
    r"(?:poor|lack\s+of|inadequate|no)\s+supervision|home\s+alone(?!\s+with\b)|"
    r"(?:found|seen|discovered|was|were)\s+wandering|"
    r"(?:found|seen|discovered)\s+(?:(?:him|her|them|the\s+(?:baby|child|toddler|twins))\s+)?"
    r"(?:walking\s+)?alone\s+(?:in|on|outside|at|near|by|along)|wandering\s+(?:alone|unsupervised|outside|"
    r"along|the\s+streets?|in\s+the\s+(?:street|road))|"
    r"left\s+(?:alone|on\s+(?:his|her|their)\s+own|without\s+(?:an\s+)?adult)|"
    # in a child's care: "left with their 13-year-old sister while their mother went out"
    r"left\s+(?:\w+\s+){0,4}(?:with|in\s+the\s+care\s+of)\s+(?:their|his|her|a|an)\s+"
    r"(?:[2-9]|1[0-5]|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen)-year-old\s+(?:sister|brother|sibling|cousin|child|girl|boy)\b|"
    # not an adult "left to settle her on his own"
    r"left\s+(?!to\s+(?:settle|care|look|mind|feed|bath|put|change|manage|cope)\b)"
    r"(?:\w+\s+){0,3}(?:on\s+(?:their|his|her)\s+own|alone|unsupervised)|"
    r"leaving\s+(?:him|her|them|the\s+(?:baby|child|infant|toddler|twins))\s+"
    r"(?:alone|unattended|unsupervised|unchecked|on\s+(?:his|her|their)\s+own)|"
    r"left\s+(?:\w+\s+){0,4}unchecked|unchecked\s+for\s+(?:\w+\s+){0,2}hours|"
    r"(?:drown\w*|submerged|under\s+the\s+water)[^.]{0,60}\bbath|"
    r"\bbath\b[^.]{0,60}(?:drown\w*|submerged|under\s+the\s+water)|"
    # a drowning while the carer slept or was under the influence: "drowned in a garden pond
    # while in the care of her father, who was found to have fallen asleep after taking heroin"
    r"drown\w*\b[^.;]{0,120}?\b(?:(?:fallen|fell)\s+asleep|under\s+the\s+influence|"
    r"intoxicated|after\s+(?:taking|using|drinking))|"
    # a baby left without care after the birth: "hypothermia and lack of care after birth"
    r"lack\s+of\s+(?:basic\s+)?care\s+(?:after|following)\s+(?:the\s+|her\s+|his\s+)?birth|"
    + _INGESTED
    + r"|"
    + _CHILD_TESTED
    + r"|gross\s+negligence|"
    r"untreated\s+(?:sepsis|pneumonia|meningitis|diabetes|dehydration)|"
    r"(?:unable|failed|failure|fail(?:ing)?)\s+to\s+(?:\w+\s+){0,3}meet\s+(?:\w+\s+){0,4}needs|"
    r"uninhabitable|squal(?:id|or)|filthy|soiled|unwashed|unkempt|unclean|head\s+lice|"
    r"(?:severe|untreated|bad|raw|extensive|persistent)\s+nappy\s+(?:rash|dermatitis)|"
    r"untreated\s+(?:\w+\s+)?(?:infection|illness|condition|decay|rash|dermatitis|eczema)|"
    r"(?:severe|extensive|rotten)\s+(?:tooth|dental)\s+decay|"
    r"(?:poor|dirty|unhygienic|unsanitary|cluttered|deplorable|appalling|dreadful|"
    r"hazardous|unsafe|squalid|unheated|cramped)\s+(?:(?:home|house|living|housing)\s+)?conditions|"
    r"(?:poor|dirty|unhygienic|cluttered|deplorable|appalling|dreadful|concerns?\s+about\s+the)"
    r"\s+(?:state|condition)\s+of\s+(?:the|their|his|her)\s+(?:home|house|flat|property)|"
    r"(?:concerns?|worries)\s+(?:about|over)\s+(?:the\s+)?(?:home|living)\s+conditions|"
    r"(?:home|house|flat|property)\s+(?:was|were)\s+(?:\w+\s+){0,2}(?:dirty|cluttered|"
    r"unhygienic|squalid|unfit|filthy|infested|smelly)|"
    r"(?:no|without)\s+food\s+(?:in\s+the\s+(?:house|home|flat)|for)|kitchen\s+without\s+food|"
    r"(?:not|never|rarely)\s+(?:been\s+|being\s+)?(?:properly\s+|adequately\s+|regularly\s+)?"
    r"(?:fed|washed|bathed)\b|nappy\s+(?:was|had)\s+(?:not|never|rarely)\s+(?:been\s+)?changed|"
    r"nappies\s+(?:were|had)\s+(?:not|never|rarely)\s+(?:been\s+)?changed|underfed|"
    r"napp(?:y|ies)\s+(?:that|which)\s+(?:had|has|have)\s+not\s+been\s+changed|"
    r"went\s+without\s+(?:food|milk|feeds)|"
    r"(?:not|never)\s+(?:been\s+|being\s+)?given\s+(?:his|her|their|the)\s+(?:\w+\s+){0,2}"
    r"(?:medication|medicine|treatment|insulin|inhaler)|"
    r"medical\s+neglect)\b",
    _I,
)
# A child not brought to appointments: neglect where nothing else harmed the child, but
# in a review of an inflicted injury or an unsafe sleep it is a missed warning (a
# sibling's, or a line of enquiry's "when a child is not brought"), not the harm.
NEGLECT_WEAK = re.compile(
    r"\b(?:(?:not|never)\s+(?:been\s+)?(?:taken|brought)\s+to\s+(?:\w+\s+){0,4}appointments|"
    r"(?:did\s+not|didn't|failed\s+to|never)\s+(?:take|bring)\s+" + _CHILD + r"\s+to\s+"
    r"(?:\w+\s+){0,4}appointments)\b",
    _I,
)
# The category of a child protection plan ("under the categories of physical abuse and
# neglect") names the worry that led to the plan, not the harm the child came to.
NOT_NEGLECT = re.compile(
    r"\bcategor(?:y|ies)\s+of\s+(?:[\w-]+\s+(?:[\w-]+\s+)?(?:and|or)\s+)?neglect\b"
    r"|\bneglect\s+categor(?:y|ies)\b"
    # an earlier plan's reason, as the category is: "had been on a protection plan because
    # of neglect" ("should have had a plan for neglect" still tells of neglect)
    r"|\b(?:been|was|were)\s+(?:\w+\s+){0,2}?on\s+(?:a\s+|the\s+)?(?:child\s+)?(?:protection|cp"
    r"|child\s+in\s+need)\s+plans?\s+(?:\w+\s+){0,2}?(?:because\s+of|for|under)\s+neglect\b",
    _I,
)
SLEEP = re.compile(
    r"\b(?:co-?sleep\w*|bed[\s-]?shar\w*|shar(?:ed|ing|es)\s+(?:an?|the|her|his|their)?\s*(?:double\s+|single\s+|adult\s+)?"
    r"(?:bed|sleep(?:ing)?\s+surface|sofa|settee|couch|mattress|air[\s-]?bed|air\s+mattress|"
    r"inflatable\s+(?:bed|mattress))|"
    rf"(?:bed|sofa|settee|couch|mattress)\s+(?:he|she|they)\s+(?:was|were|had\s+been)\s+sharing|shared\s+(?:bed|{_SOFT_PLACE}|mattress)|"
    # "found not breathing in a single bed she shared with her mother"
    r"(?:bed|sofa|settee|couch|mattress)\s+(?:he|she|they)\s+(?:had\s+)?shared\s+with\s+"
    + _PARENTS
    + r"|"
    # the place named, then shared: "on a small settee, sharing it with her mother"
    r"(?:bed|sofa|settee|couch|mattress)\b[^.;]{0,30}?\bshar(?:ed|ing)\s+it\s+with\s+"
    + _PARENTS
    + r"|"
    rf"{_SLEEP_VERB}\s+(?:in|on)\s+(?:the\s+same|a|an|the|his|her|their|"
    rf"(?:his|her|their)\s+parents'?|an\s+adult)\s+(?:\w+\s+)?(?:bed|{_SOFT_PLACE})|"
    rf"same\s+bed|{_SLEEP_VERB}\s+with\s+(?:him|her|them|(?:the|both)\s+(?:baby|babies|infant|twins)|"
    r"(?:his|her|their)\s+(?:bab\w+|twins|son|daughter|infant))|"
    r"(?:in|into)\s+(?:the\s+)?bed\s+with\s+" + _PARENTS + r"|"
    rf"{_SLEEP_VERB}\s+(?:(?!{_OWN_BED})\w+\s+){{0,3}}?(?:with|beside|next\s+to|alongside|between)\s+"
    + _PARENTS
    + r"|"
    r"into\s+(?:a|an|her|his|their|the)\s+(?:(?!cot\b|travel\b|moses\b)\w+'?\s+)?bed\b|unsafe\s+sleep\w*|"
    # the adults' sleep beside the baby: "her parents had gone to sleep on either side of her"
    r"(?:went|gone|going|go)\s+to\s+sleep\s+(?:on\s+)?(?:either\s+side\s+of|beside|next\s+to|alongside|"
    r"with)\s+(?:her|him|the\s+(?:baby|infant))|accidentally\s+(?:suffocated|overlain|overlaid|"
    r"asphyxiated)|"
    r"(?:fell|fallen|falling)\s+asleep\s+(?:while\s+|whilst\s+)?(?:\w+\s+){0,2}?(?:holding|feeding|with|"
    r"cuddling|beside|next\s+to)\s+(?:him|her|the\s+baby|the\s+infant|(?:his|her)\s+bab\w+)|"
    r"(?:found|discovered|lying|lay|trapped|wedged|sandwiched|squashed)\s+(?:\w+\s+){0,3}?between\s+"
    + _PARENTS
    + r"|"
    # caught in what surrounds a sleeping place and suffocated: "put to bed in a cot-bed she
    # could climb out of, she became trapped in a toy box and suffocated"; "wedged between
    # the mattress and the wall"
    r"(?:trapped|wedged|stuck|caught)\s+(?:\w+\s+){0,3}?(?:in|between|under(?:neath)?|behind|"
    r"against)\s+(?:[\w'-]+\s+){0,4}?(?:mattress|wall|headboard|cot|cot-bed|bed|bumpers?|bedding|"
    r"duvet|pillows?|toy\s+box|box|furniture|bars|gap)\b[^.;]{0,40}?\b(?:suffocat\w*|asphyx\w*)|"
    r"(?:dead|unresponsive|lifeless|limp|cold|not\s+breathing)\s+(?:beside|next\s+to|alongside|"
    r"under(?:neath)?)\s+(?:her|him|them|" + _PARENTS + r")|"
    r"(?:woke|awoke|waking|woken)\b[^.;]{0,50}\b(?:dead|unresponsive|lifeless|not\s+breathing|limp)\b"
    r"(?![^.;]{0,30}\b(?:cot|crib|moses|basket|bassinet)\b)|"
    r"(?:asleep|sleeping|slept|(?:put|placed|left)\s+(?:\w+\s+)?(?:down\s+)?to\s+sleep)\s+"
    r"(?:(?:\w+\s+){0,3}(?:in|on)\s+)?(?:a|an|the|his|her|their)\s+(?:\w+\s+)?"
    r"(?:car\s+seat|bouncer|pram|pushchair|buggy|sling|baby\s+swing|rocker)|"
    r"(?:car\s+seat|bouncer|pram|pushchair|buggy|baby\s+swing|rocker)\b[^.;]{0,40}\b"
    r"(?:overnight|all\s+night|for\s+the\s+night)|"
    # found dead where the baby had been left to sleep: "found unresponsive in her car seat"
    r"(?:found|discovered)\s+(?:\w+\s+){0,2}?(?:unresponsive|dead|lifeless|not\s+breathing|limp)\s+"
    r"(?:in|on)\s+(?:a|an|the|his|her|their)\s+(?:\w+\s+)?(?:car\s+seat|bouncer|pushchair|buggy|"
    r"baby\s+swing|sling)|"
    r"(?:overnight|all\s+night|for\s+the\s+night)\s+(?:\w+\s+){0,3}(?:in|on)\s+(?:a|an|the|his|her)\s+"
    r"(?:car\s+seat|bouncer|pram|pushchair|buggy)|"
    r"overlay|overlain|overlaid|overlying|overlaying|lain\s+on|rolled\s+(?:on\s+to|onto|over\s+on)\s+"
    + _CHILD
    + r"|"
    r"in\s+(?:his|her|their|the)\s+parents'?\s+(?:double\s+)?bed|(?:unsuitable|soft|loose|adult)\s+bedding|"
    r"positional\s+asphyxia|"
    # "she died in her mother's bed"
    r"(?:unresponsive|lifeless|limp|not\s+breathing|dead|died|face\s+down|lying|lay|found|placed|"
    r"put|laid|asleep|sleeping|slept)\s+(?:\w+\s+){0,3}?(?:on|in)\s+(?:an?|the|his|her|their)\s+"
    r"(?:adult|double|king-?size|parents'?|mother's|father's)\s+bed|"
    rf"(?:{_SLEEP_VERB}|placed|put|laid|lying|lay|face\s+down)\s+(?:\w+\s+){{0,3}}?on\s+"
    r"(?:an?|the|his|her|their)\s+(?:\w+\s+)?(?:pillows?|cushions?)|"
    r"(?:asphyxi\w*|suffocat\w*)\b[^.;]{0,50}\b(?:adult|double|parents'?)\s+bed|"
    r"(?:unresponsive|lifeless|limp|not\s+breathing|dead|died|found)\s+(?:\w+\s+){0,3}?(?:on|in)\s+"
    rf"(?:an?|the|his|her|their)\s+(?:\w+\s+)?{_SOFT_PLACE}|"
    rf"(?:asleep|sleeping|slept|dozed|dozing|dozed\s+off)\b[^.]{{0,60}}\b{_SOFT_PLACE}|"
    rf"{_SOFT_PLACE}\b[^.]{{0,60}}\b(?:asleep|sleeping|slept|slumped|dozed|dozing))\b",
    _I,
)
# Harm from unsafe sleep is a death or a collapse in sleep, or a sentence putting the
# child in the unsafe place; an adult asleep on a sofa while a toddler wandered out of
# the house is neglect, not unsafe sleeping.
# (Not NAMES_CHILD: a toddler or a boy named beside the sofa may be the one who wandered.)
SLEEPER_CHILD = re.compile(
    r"\b(?:bab(?:y|ies)|infants?|new-?borns?|twins?|child|son|daughter|he|she|him)\b"
    r"|\b(?:Baby|Child|Infant)\s+[A-Z]\b",
    _I,
)
SLEEP_HARM = re.compile(
    r"\b(?:died|death|dead|deceased|fatal\w*|SUDI|unresponsive|lifeless|limp|"
    r"(?:not|stopped)\s+breathing|collapsed|resuscitat\w*|(?:cardiac|respiratory)\s+arrest|"
    r"apnoea|hypoxic|brain\s+(?:injury|damage)|overla(?:in|id|y|ying)|asphyx\w*|suffocat\w*)\b",
    _I,
)
# A fracture from a fall the review states as fact ("fell from an upstairs window"),
# not as a carer's account of it ("the father said she had fallen from the sofa").
FALL = re.compile(
    r"\b(?:fell|fallen|falling|fall)\s+(?:\w+\s+){0,3}?(?:from|out\s+of|down|off)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:windows?|stairs|staircase|steps|balcony|bunk\s+bed|bed|sofa|settee|"
    r"chair|high-?\s?chair|table|worktop|wall|cot|pram|height|roof|landing)\b",
    _I,
)
ACCOUNT = re.compile(
    r"\b(?:said|says|saying|claimed|claims?|told|tells|explained|explanations?|accounts?|"
    r"alleged|suggested|stated|versions?|reported\s+that|according\s+to)\b",
    _I,
)
INJURY_ONLY = re.compile(r"fractur\w*|broken\s+\w+", _I)

OTHER = re.compile(
    r"\b(?:sexual(?:ly)?\s+(?:abus\w*|exploit\w*|assault\w*)|rape|grooming|natural\s+causes?|"
    r"(?:unascertained|died)\s+(?:but\s+)?natural|(?:death|cause)\b[^.;]{0,30}\bnatural\b|"
    r"medical\s+condition|sudden\s+infant\s+death|"
    r"sudden\s+(?:and\s+)?(?:unexpected|unexplained)\s+death|unexplained\s+(?:death|cause)|"
    r"(?:death|cause)\s+(?:\w+\s+){0,4}(?:was|is|remains?|remained)\s+(?:recorded\s+as\s+)?"
    r"(?:unexplained|unascertained)|SIDS|accident(?:al)?|dogs?|road\s+traffic|"
    # a cause the inquest or the review could not find, or the source does not give:
    # "the cause of her death could not be established", "no conclusive cause of death"
    r"cause\s+of\s+(?:(?:his|her|their|the|this)\s+)?(?:\w+\s+)?death\s+"
    r"(?:(?:could|can|has|had|was|is)(?:\s*not|n't)\s+(?:be(?:en)?\s+)?|cannot\s+be\s+|"
    r"remain(?:s|ed)\s+)(?:established|determined|found|identified|ascertained|"
    r"known|confirmed|explained|unknown|undetermined)|"
    r"(?:no|not\s+(?:find|establish|determine|identify)\s+an?)\s+(?:conclusive|clear|definite|"
    r"known|medical|single)\s+cause(?:\s+of\s+(?:the\s+)?death)?|"
    r"(?:inconclusive|undetermined|unknown)\s+(?:cause|causes)|"
    r"(?:does|did)\s+not\s+(?:say|state|give|report)\s+(?:what|how)\s+(?:caused|(?:\w+\s+){1,3}died)|"
    # the child's own sudden death or self-harm, not a relative's or a parent's history
    r"sudden\s+death(?!\s+of\s+(?:her|his|their|the)\s+(?:own\s+)?(?:father|mother|parent|"
    r"partner|husband|wife|grand\w+|brother|sister|friend|uncle|aunt))|died\s+suddenly|"
    r"(?:died|death)\s+(?:\w+\s+){0,3}(?:after|following|from|by)\s+self-?harm\w*|"
    r"overdose|suicide|took\s+(?:his|her)\s+own\s+life|altercation|confrontation|"
    r"stabb\w*(?!\s+(?:the|a|her|his|their)\s+(?:baby|infant|toddler|newborn))|illness|"
    r"septicaemia|sepsis|meningitis|meningococcal|pneumonia|bronchiolitis|"
    r"(?:metabolic|genetic|congenital|cardiac|heart)\s+(?:\w+\s+)?(?:disorder|condition|disease|"
    r"defect|crisis|failure)|"
    r"(?:caused\s+by|due\s+to|result\s+of|complications?\s+of)\s+(?:his|her|an?|the)\s+(?:\w+\s+){0,2}"
    r"(?:condition|disorder|disease|infection|illness))\b",
    _I,
)
