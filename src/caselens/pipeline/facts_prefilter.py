r"""The cheap words a sentence must hold before a long pattern of ``facts_words`` runs.

For each long pattern there, words (lower case, matched case-sensitively in
``Piece.folded``) of which every match of the pattern contains at least one. A sentence
without any of them cannot match, so the long pattern is only run on the few sentences
that have one (``facts_text.find_all``): most of a review is never searched for a death
or an injury. A word added to a pattern in ``facts_words`` needs a word here too;
``tests/pipeline/test_facts_prefilter.py`` checks the two agree. Only literal words,
``\s`` and fixed alternatives: no ``\b`` or ``\w``, whose meaning could differ between
the text and its folded form.
"""

from __future__ import annotations

import re

_INGESTED_NEED = r"drank|drinking|swallow|ingest|ate\s|eaten|eating|consum|hold\s+of"
DEATH_NEED = re.compile(
    r"died|dies|dead|death|deceased|kill|fatal|murder|manslaughter|drowned|infanticide|"
    r"homicide|passed\s+away|life\s+(?:support|extinct)|sudi|sudc|own\s+life|revive|"
    r"resuscitat|save|survive|lost\s+(?:his|her)\s+life"
)
SERIOUS_NEED = re.compile(
    r"injur|fractur|broken|brain|subdural|bleed|significant\s+harm|serious|"
    r"life[\s-](?:chang|threat|limit)|catastrophic|critical|permanent|profound|disabled|"
    r"intensive|picu|high\s+dependency|ventilat|life\s+support|resuscitat|arrest|breathing|"
    r"unresponsive|unconscious|hypoxic|hypotherm|emergency|hospital|strangulation|"
    r"suffocation|poison|exploit|sexual|bodily|collapsed|burn|scald|shaken|shook|"
    r"children's\s+ward|admission|toxicolog|urine|hair|blood|" + _INGESTED_NEED
)
NAI_NEED = re.compile(
    r"accidental|inflicted|abusive|blunt|shak|shook|fractur|broken|smother|strangl|strangul|bodily|"
    r"murder|infanticide|filicide|physical|poison|bite|explained|deliberate|intentional|"
    r"methadone|heroin|drug|alcohol|medication|kill|assault|attack|beat|hit(?:ting)?\s|"
    r"while\s+(?:he|she|they|the)\s+(?:\w+\s+)?(?:was|were)\s+(?:being\s+)?(?:in|cared|looked|left|living)|"
    r"punch|kick|bitten|biting|bit\s|slap|threw|throw|squeez|stamp|stabb|caused"
)
NAI_WEAK_NEED = re.compile(r"manslaughter|homicide|scald|burn|head\s+injur|subdural|brain")
NEGLECT_NEED = re.compile(
    r"neglect|falter|thrive|maln|undernourish|starv|dehydrat|unsupervised|unattended|"
    r"underweight|poor\s+(?:weight|growth)|seek|supervision|alone|wandering|left\s|leaving|unchecked|"
    r"bath|" + _INGESTED_NEED + r"|meet\s|uninhabitable|squal|filthy|soiled|unwashed|"
    r"unkempt|unclean|lice|nappy|nappies|untreated|decay|conditions|dirty|clutter|unhygienic|"
    r"(?:state|condition)\s+of\s+(?:the|their|his|her)\s+(?:home|house|flat|property)|"
    r"unfit|infest|smelly|food|fed|washed|(?:not|never)\s+(?:been\s+|being\s+)?given|"
    r"went\s+without|toxicolog|urine|hair|blood|neglig|sepsis|pneumonia|"
    r"meningitis|diabetes|dehydration|drown|lack\s+of\s+(?:basic\s+)?care"
)
NEGLECT_WEAK_NEED = re.compile(r"appointments")
NOT_NEGLECT_NEED = re.compile(r"neglect")
SLEEP_NEED = re.compile(
    r"sleep|slept|doz|nap(?:ped|ping)?\s|bed[\s-]?shar|sofa|couch|settee|chair|beanbag|futon|"
    r"shar(?:ed|ing|es)\s+(?:an?|the|her|his|their)?\s*(?:double\s+|single\s+|adult\s+)?"
    r"(?:bed|sleep|sofa|settee|couch|mattress|air|inflatable)|(?:was|were|been)\s+sharing|"
    r"shared\s+(?:bed|sofa|couch|settee|armchair|chair|beanbag|futon|mattress|with)|same\s+bed|"
    r"bed\s+with|into\s+(?:an?|her|his|their|the)\s|between\s|"
    r"(?:dead|unresponsive|lifeless|limp|cold|breathing)\s+(?:beside|next\s+to|alongside|under)|"
    r"woke|waking|night|overl|lain\s+on|rolled\s+o|parents'?\s+(?:double\s+)?bed|bedding|shar(?:ed|ing)\s+it|"
    r"asphyx|suffocat|slumped|(?:adult|double|king-?size|parents'?|mother's|father's)\s+bed|"
    r"pillow|cushion|car\s+seat|bouncer|pushchair|buggy|swing|sling"
)
OTHER_NEED = re.compile(
    r"sexual|rape|grooming|natural|condition|sudden|sids|accident|dog|traffic|overdose|"
    r"suicide|own\s+life|altercation|confrontation|stabb|illness|septic|sepsis|mening|"
    r"pneumonia|bronchiolitis|metabolic|genetic|congenital|cardiac|heart|disorder|disease|"
    r"infection|unexplained|unascertained|cause|inconclusive|undetermined|unknown|suddenly|"
    r"self|(?:say|state|give|report)\s+(?:what|how)"
)
