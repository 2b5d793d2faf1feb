"""Rarer ways a sentence sets itself outside the case, denies or withdraws a concern.

Each is searched only where its words are: :func:`caselens.pipeline.stance.judge` runs for
every sentence holding a finding, and every alternative added to its big expressions costs
on every one of them ("in which a baby in a different family", "PNC/DA checks on address
nil", "concern ... closed after 6 negative tests" are rare; the words they need are
cheap to look for).
"""

from __future__ import annotations

import re

from caselens.pipeline.negation_asked import FAILED

Worded = tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]


def _rule(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# The same told in rarer words, each searched only where its words are (a sentence is
# judged for every finding, so each alternative of the big expressions costs every time).
NOT_THIS_CASE: Worded = (
    # "... as a teenager, and this has no bearing on the events considered here"
    (("bearing",), _rule(r"\b(?:has|had|have|bears?|bore) no bearing on (?:the |this |what )")),
    # another review's case, told mid-sentence: "mindful of a previous review ..., in which a
    # baby in a different family died after sharing a sofa"
    (
        (
            "in which a",
            "in which an",
            "where a ",
            "where an",
            "into the death",
            "concerning a",
            "concerning an",
        ),
        _rule(
            r"\b(?:previous|earlier|prior|separate|another) (?:[\w-]+ ){0,4}reviews?\b[^.]{0,80}"
            r"\b(?:in which|where|into the death of|concerning) (?:a|an|another) (?:baby|infant"
            r"|child|toddler|family)\b"
        ),
    ),
    # "a baby in a different family"; notes: "DA notification on file is for flat 3b
    # (different family)"
    (
        (
            "different",
            "unrelated",
            "another family",
            "other family",
            "other tenant",
            "other household",
            "other address",
            "other flat",
        ),
        _rule(
            r"\b(?:a|an|another) (?:baby|infant|child) (?:in|from) (?:a|another) (?:different"
            r"|other|unrelated) family\b"
            r"|\([^()]{0,30}\b(?:a |an )?(?:different|unrelated|another|other) (?:family|tenants?"
            r"|household|address|flat|residents?|couple|child|baby)\b[^()]{0,20}\)"
        ),
    ),
    # advice as its content, what anyone should do: "The chair's advice was that a baby
    # should sleep on its back ..."; "the service routinely advises all parents not to ..."
    (
        ("advi",),
        _rule(
            r"\badvice (?:was|is) that (?:a |all |every )?(?:baby|babies|infants?|parents|carers)"
            r" should\b|\badvises? (?:all|every) (?:parents?|families|family|carers?|mothers?)\b"
        ),
    ),
)


def first_match(text: str, lowered: str, rules: Worded) -> re.Match[str] | None:
    """The first match of a rule whose words ``lowered`` holds, or None."""
    for words, pattern in rules:
        if any(word in lowered for word in words):
            found = pattern.search(text)
            if found is not None:
                return found
    return None


# Rarer ways of denying, each searched only where its words are.
DENIAL: Worded = (
    # a note that is only a question put and answered no: "Asked re drugs/alcohol, both
    # parents said none."; "Routine DA enquiry made with R alone: says no concerns"
    (
        ("ask", "enquir", "screened"),
        _rule(
            r"^\W*(?:asked|enquired|screened)\b[^.;]{0,40}[,:\u2013-]\s*(?:\w+ ){0,3}"
            r"(?:said|says|say|reported|reports|answered)?\s*(?:none|nil|no|denie[sd]|negative)\W*$"
            r"|^\W*(?:routine )?(?:[\w/&-]+ ){0,3}(?:enquiry|enquiries)\b[^.;]{0,50}[:\u2013-]\s*"
            r"(?:says?|said|reports?|states?)?\s*(?:no concerns?|nil|none|denies|denied)\b"
        ),
    ),
    # "PNC/DA checks on address nil."
    (("check",), _rule(r"\bchecks?\b[^.;]{0,30}\b(?:nil|clear|negative)\W*$")),
    # "The GP records show no diagnosis of mental illness for either parent"
    (
        ("show no", "shows no", "showed no", "shown no", "record no", "records no", "recorded no"),
        _rule(
            r"\b(?:show|shows|showed|shown|record|records|recorded) no (?:\w+ )?(?:diagnosis"
            r"|history|record|evidence|indication) of\b"
        ),
    ),
    # "neither had any identified learning needs"
    # ("identified" there describes the needs; it is no practitioner's act left undone)
    (
        ("neither",),
        _rule(
            r"\bneither (?:\w+ ){0,2}(?:had|has|was|showed|reported) any"
            r"(?: (?:identified|known|diagnosed|recorded|assessed))?\b"
        ),
    ),
    # "was not considered to have a learning disability"
    (
        (
            "not considered to",
            "not thought to",
            "not assessed to",
            "not found to",
            "not believed to",
            "not judged to",
        ),
        _rule(
            r"\b(?:was|were) not (?:considered|thought|assessed|found|believed|judged) to"
            r" (?:have|be)\b"
        ),
    ),
    # notes: "Mum denies any drugs", "no alcohol involved", "nobody smokes"
    (("denies",), _rule(r"\bdenies (?:any|using|drinking|taking)\b")),
    (
        ("no alcohol", "no drug", "no substance"),
        _rule(
            r"\bno (?:alcohol|drugs?|substances?) (?:was |were )?(?:involved|present|suspected"
            r"|detected)\b"
        ),
    ),
    (
        ("nobody", "no one"),
        _rule(
            r"\b(?:nobody|no one) (?:\w+ ){0,3}(?:smokes|smoked|drinks|uses drugs|takes drugs)\b"
        ),
    ),
)
# Rarer ways of withdrawing a concern.
DOUBT: Worded = (
    # "Unsafe sleeping was not a feature of Mali's harm"
    (
        ("not a f",),
        _rule(
            r"\b(?:was|is|were) not (?:a factor in|a feature of) (?:\w+(?:'s|\u2019s)|this|the) "
            r"(?:harm|death|injur\w*|case|collapse)"
        ),
    ),
    # a concern closed on evidence: "concern re B's alcohol use closed after 6 negative tests";
    # "query re mark on V's arm: GP 10/07, birthmark, resolved"
    (("negative",), _rule(r"\bclosed after (?:\w+ ){0,2}negative (?:tests?|screens?|results?)")),
    (
        ("resolved", "no further concern"),
        _rule(
            r"\b(?:query|queried|concern)\b[^.]{0,80}[,:;\u2013-]\s*(?:now )?(?:resolved|no further"
            r" concerns?)\W*$"
        ),
    ),
    # "the review has found nothing in any record that would confirm this"; "whether he
    # used cannabis ... could not be established"; "wondered whether M had been born early
    # ...; he had not"
    (
        ("nothing",),
        _rule(
            r"\b(?:found|finds|is|was) nothing (?:in (?:any|the) records? )?(?:that would|to)"
            r" (?:confirm|support|substantiate)\b"
        ),
    ),
    (
        ("whether",),
        # a question left open, not "the cause of death could not be established"
        _rule(r"\bwhether\b[^.]{0,100}\bcould not be (?:established|confirmed|verified)\b"),
    ),
    # (a possibility raised and answered no; not "her account was accepted without checking;
    # he had not", where the answer is the concern)
    (
        ("whether",),
        _rule(
            r"\b(?:wondered|asked|queried|considered) (?:whether|if)\b[^.]{0,120};\s*(?:he|she|it"
            r"|they) (?:had|was|were|did) not\W*$"
        ),
    ),
    # a mark found to be something else: "confirmed eczema patch, closed"
    (
        ("confirmed", "diagnosed"),
        _rule(
            r"\b(?:confirmed|diagnosed) (?:as )?(?:an? )?(?:eczema|birthmarks?|mongolian (?:blue )?"
            r"spots?|dermal melanocytosis|nappy rash|an? insect bite|impetigo|a rash)\b"
        ),
    ),
)

# What a baby's care lacked, after a denial's word: "There was no cot at the friend's flat",
# "no food in the house" tell a want, a concern (not "no cot death").
WANT = re.compile(
    r"\s*(?:(?:safe|suitable|proper|working|clean|baby|\w+'s)\s+)?(?:cot(?![\s-]*death)|crib|moses\s+basket|"
    r"bassinet|travel\s+cot|food|milk|formula|nappies|heating|hot\s+water|electricity|"
    r"bed\s+for|safe\s+(?:place|space)\s+(?:to|for)\s+(?:sleep|the\s+baby))\b",
    re.IGNORECASE,
)

# A denial the same sentence takes back: "she told the midwife that she did not drink,
# although she later admitted drinking and smoking while pregnant".
RETRACTED = re.compile(
    r"\b(?:although|but|though|however|yet|until)\b[^.;]{0,80}\b(?:admitted|acknowledged"
    r"|disclosed|confessed|conceded)\b",
    re.IGNORECASE,
)

# Concerns nobody raised after a failing the sentence names are the failing's end, not a
# denial: "each injury was treated on its own, ... nobody looked at the pattern, and ...
# no safeguarding concerns were raised".
UNHEEDED = re.compile(rf"\b(?:{FAILED}|overlooked|missed|lost sight)\b", re.IGNORECASE)
