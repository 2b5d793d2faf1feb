"""Whose story a sentence tells, and whether it asserts what it says.

A review speaks about this case ("the father was not seen by the health visitor")
and in general ("research shows that fathers are often unseen by services"); it
asserts concerns, but it also denies them ("neither parent was known to misuse
drugs"), withdraws them ("neglect was suspected but ruled out"), praises practice
("information was shared promptly"), and asks questions (a key line of enquiry).
Only a case statement that asserts can be evidence that an indicator arose in this
case; the others stay visible as context, with the reason.

This is a small cue-based judgement of the whole sentence, made once per sentence and
cached by the coder. A pattern match inside a sentence is still checked on its own
clause by :mod:`caselens.pipeline.negation` ("did not explore the father's drinking"
is a learning point although it holds a "not").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from caselens.pipeline.case_link import has_case_link, is_general
from caselens.pipeline.stance_denial import denies
from caselens.pipeline.stance_review import another_case, not_this_case, review_asks, review_itself
from caselens.pipeline.stance_words import DOUBT, NOT_THIS_CASE, first_match

ABOUT = ("case", "parents_past", "general")
POLARITY = ("asserts", "denies", "doubts", "praises", "asks")


@dataclass(frozen=True, slots=True)
class Stance:
    """How one sentence speaks: about this case or in general, and with what force."""

    about: str = "case"  # case | parents_past | general
    polarity: str = "asserts"  # asserts | denies | doubts | praises | asks
    reason: str = ""  # the cue that decided, for a person checking

    @property
    def counts(self) -> bool:
        """Only a case statement that asserts can be a finding."""
        return self.about == "case" and self.polarity == "asserts"

    @property
    def label(self) -> str:
        return "general" if self.about == "general" else self.polarity


ASSERTS = Stance()

# Statements about research, national learning or people in general.
_GENERAL = re.compile(
    # "MASH research": a front door's checks on this family, not a study
    r"\b(?:(?<!mash )research|studies|study|literature|evidence (?:base|suggests|shows|indicates)"
    r"|national (?:panel|reviews?|learning|analysis|data|guidance|picture|context|studies)"
    r"|the (?:child safeguarding practice review )?panel(?:'s|\u2019s)? (?:report|review|found|has)"
    r"|thematic reviews?|(?:previous|other|earlier|many|several|local and national) reviews"
    r"|serious case reviews (?:have|show|often)|triennial|biennial|nice guidance"
    r"|it is (?:well )?(?:known|recognised|established|understood|acknowledged)"
    r"|(?:is|are) (?:known|recognised) (?:to|as)"
    r"|(?:is|are) (?:a )?(?:well[- ])?(?:recognised|established) (?:risk|factor|feature)"
    r"|(?:is|are) (?:often|frequently|commonly|more likely|at (?:greater|increased|higher) risk)"
    r"|nationally|across (?:england|wales|the country)|in general"
    # a briefing's list of its themes: "names mental health, professional curiosity ... as
    # its key themes"
    r"|as (?:its|their|the) (?:key |main |central |five |four |three )?themes)\b",
    re.IGNORECASE,
)
# "generally", but not of what this case's agencies did: "they had generally acted
# alone", "were generally seen", "generally accepted her account". Apart from _GENERAL
# so that its look-behinds run only where the word is.
_GENERALLY = re.compile(
    r"(?<!\bhad )(?<!\bwas )(?<!\bwere )\bgenerally\b(?! (?:had|was|were|did|\w+ed)\b)",
    re.IGNORECASE,
)
# A plural or generic subject speaking of a class of people: "Babies who are ...".
_GENERIC_SUBJECT = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:many|most|some|all|young|new|first-time|male)\s+)?"
    # (not a possessive: "children's social care screened out the referral" is an agency)
    r"(?:(?:babies|infants|parents|fathers|mothers|men|families|carers|children)(?!['\u2019])"
    # "Parents both solicitors", "Parents present, articulate": a note of this family
    r"\b(?! (?:(?:always|usually|now|still|very|both) )?(?:were|had|did|was|both|present|seen"
    r"|not seen|say|says|said|state|states|stated|report|reports|reported|declined|attended"
    # "Parents always polite at the door and agree to everything": a note of this family
    r"|polite|agree|agreed|refused|cancelled|appear|appeared|seem|seemed|engaged|keen"
    # "Parents think he 'picked something up' at a BBQ": this family's account
    r"|thought|believed|felt|explained|admitted|denied|insisted|claimed|think (?:he|she|baby)"
    # "Babies not discussed or examined at this appt"
    r"|not (?:discussed|examined|seen|weighed|mentioned))\b)"
    # "Practitioners failed to listen", "Professionals saw the couple as ...": what the
    # practitioners of this case did, told in the simple past, is not a general statement.
    r"|(?:practitioners|professionals|agencies)\b(?! (?:\w+ly )?(?:were|had|did|was|\w+ed"
    r"|saw|knew|thought|made|took|gave|found|felt|kept|met|went|lost|left|told|spoke|sought"
    r"|heard|understood|became|began)\b))",
    re.IGNORECASE,
)
# What ties a general-sounding sentence to this case after all.
_CASE_TIES = re.compile(
    r"\b(?:in this (?:case|review|family)|this (?:family|baby|infant|child|case|mother|father)"
    r"|(?:the|her|his|their) (?:baby|infant|mother|father|parents?|family|partner|grandmother"
    r"|twins?|son|daughter|sister|brother)|(?:mother|father)(?:'s|\u2019s)?"
    r"|(?:child|baby|infant) [A-Z]\b|[A-Z][a-z]+(?:'s|\u2019s)\s"
    r"|(?:she|he) (?:was|had|did|said|told)"
    # notes name the parents so: "mum Jade is 17", "dad at work again"
    r"|(?i:mum|dad)(?:'s|\u2019s)?)"
    r"\b",
)
_NOT_NAMES = re.compile(
    r"\b(?:Children|Women|Men|People|Panel|Trust|Council|Government|Partnership|Board|Service"
    r"|Hospital|Ofsted|England|Wales|Britain|Today|Parents|Fathers|Mothers|Babies|Nation)(?:'s|\u2019s)"
)

_PAST = re.compile(r"\b(?:was|were|had|did|didn't|wasn't|weren't|hadn't)\b", re.IGNORECASE)

# A concern withdrawn: suspected, then ruled out.
_DOUBT = re.compile(
    r"\b(?:(?:was|were|had been|has been|later|subsequently) (?:ruled out|discounted)"
    r"|(?:was|were|had been|has been) excluded as\b"
    r"|ruled out|unfounded|not substantiated|unsubstantiated|no longer (?:suspected|a concern)"
    r"|(?:was|were) (?:later )?found not to\b"
    r"|turned out (?:not|to be (?:normal|benign|accidental))"
    # a possibility raised and left unconfirmed: "... but the review has found no
    # information to confirm this"
    r"|(?:found|finds|is|was|there is|there was) no (?:information|evidence|record) to "
    r"(?:confirm|support|substantiate)"
    # what reviews elsewhere found, said not to hold here: "that was not a factor here"
    r"|(?:was|is|were) not (?:a factor|a feature|the dynamic|the pattern)"
    r"(?: of (?:practice|the case|this case|the work))? (?:here|in this case|for this family)"
    # "an arrangement of long standing that ... raised no concern"
    r"|(?:raised|caused|gave rise to) no (?:concerns?|worries)"
    # "the police made enquiries, found nothing to support this, and the neighbour withdrew"
    r"|found nothing to (?:support|confirm|substantiate)"
    # a concern raised and then ruled out by an assessment
    r"|found (?:her|his|their|the \w+'s) (?:cognitive )?"
    r"(?:abilities|ability|development|functioning) to be within the"
    r" (?:normal|average|expected) range)",
    re.IGNORECASE,
)
# Practice praised.
_PRAISE = re.compile(
    r"\b(?:good practice|(?:good|excellent|positive|effective|notable|strong) (?:example|practice|"
    r"work|liaison|communication|joint working|partnership working)"
    r"|promptly|timely|swift(?:ly)?|thorough(?:ly)?|diligent(?:ly)?|tenacious(?:ly)?|commendabl[ey]"
    r"|exemplary|skil(?:l)?ful(?:ly)?|appropriately|persisten(?:t|ce|tly)|conscientious(?:ly)?"
    r"|sensitively|worked (?:well|hard)|went well|to (?:her|his|their) credit"
    r"|(?:was|were) (?:well|clearly) (?:documented|recorded|coordinated|managed)"
    r"|in line with (?:the )?(?:protocol|guidance|procedures?|policy)"
    r"|as (?:it|they|she|he) should(?: have)?\b(?! been)|rightly|of a high standard"
    r"|observed (?:a |the )?safer? sleep(?:ing)? (?:arrangements?|environment|space)"
    r"|safer? sleep(?:ing)? (?:arrangements?|environment) (?:was|were) "
    r"(?:observed|checked|seen))\b",
    re.IGNORECASE,
)
# Anything that turns praise into a concern: a contrast, a failure, a gap.
_CONCERN = re.compile(
    r"\b(?:not|no|never|nor|however|but|although|though|despite|without|fail\w*|lack\w*|miss\w*"
    r"|only|limited|gaps?|concern\w*|weak\w*|delay\w*|late|unclear|insufficient|inadequate"
    r"|poor\w*|could have|should have|would have|opportunit\w+)\b|n't\b"
    # a step last taken long ago: "Last safe-sleep conversation was at the new-birth visit"
    r"|\blast (?:[\w-]+ ){0,4}(?:was|were|given|discussed|done) (?:at|on|in|back)\b",
    re.IGNORECASE,
)


def names_a_gap(text: str) -> bool:
    """True when ``text`` names a gap or a concern (a contrast, a failure, a delay, a
    lack), as a note of a meeting held or a referral made does not."""
    return _CONCERN.search(text) is not None


def _ties_to_case(sentence: str) -> bool:
    """True when the sentence names this case: its child, family, or a person by name."""
    if has_case_link(sentence):
        return True
    masked = _NOT_NAMES.sub(" ", sentence)
    return bool(_CASE_TIES.search(masked))


_AGE_WORDS = "nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
# A parent's own childhood, told in the family background: "when Sam was 14 she was
# accommodated", "her own child protection history", "as a teenager he was excluded".
# Such a sentence is evidence of the parent's history, never of the baby's indicators.
# Ages from nine: an infant's review meets a younger age mostly for an older sibling.
_PARENTS_PAST = re.compile(
    r"\b(?:(?:her|his|their) own (?:childhood|upbringing|child protection (?:history|plans?)"
    r"|experiences? (?:as a child|of (?:being )?(?:in )?care)|time in care)"
    # "the mother's involvement with the service as a child"
    r"|(?:involvement|contact|history|time) with (?:the |children's )?(?:service|social care"
    r"|social services|children's services) as a (?:child|teenager|young person)"
    r"|as (?:a )?(?:child|teenager|young (?:girl|boy|person|teenager))(?:,)? (?:she|he)\b"
    r"|(?:in|during|throughout) the (?:mother|father)(?:'s|\u2019s) (?:own )?(?:early )?"
    r"(?:childhood|teens|teenage years|adolescence)"
    r"|(?:in|during|throughout) (?:her|his|their) (?:own )?(?:childhood|teens|teenage years"
    r"|adolescence|early life)"
    r"|(?:(?-i:[A-Z][a-z]+)'s|(?:her|his|their) own) (?:childhood|upbringing|early life)"
    r" (?:was|had been) (?:marked|affected|characterised|dominated|blighted|overshadowed)"
    # "Dean was placed in foster care at the age of 13"
    r"|(?:placed|taken|accommodated|received) (?:in|into) (?:foster |local authority )?care at the"
    rf" age of (?:9|1[0-7]|{_AGE_WORDS})\b"
    # "She was removed from her birth family at the age of eight"
    r"|(?:removed|taken) (?:away )?from (?:her|his|their) birth (?:family|parents|mother|father)"
    rf" at the age of (?:[5-9]|1[0-7]|five|six|seven|eight|{_AGE_WORDS})\b"
    r"|(?:grew|grown|growing) up in a (?:household|home|family) (?:affected|marked|dominated"
    r"|where|in which)"
    # "the father had grown up witnessing violence at home"; "had been neglected as a child"
    r"|(?:grew|grown|growing) up (?:witnessing|seeing|exposed to|with) (?:domestic |parental )?"
    r"(?:violence|abuse|drug|alcohol|drinking)"
    r"|(?:had been|was|were) (?:neglected|abused|beaten) as (?:a )?(?:child|children|teenager)"
    r"|(?:when|from the time|by the time|until) (?:she|he|the (?:mother|father)|(?-i:[A-Z][a-z]+))"
    r" was (?:a (?:child|teenager|young (?:girl|boy))"
    rf"|(?:between |about |aged |around )?(?:9|1[0-7]|{_AGE_WORDS})\b"
    r"(?! (?:weeks|months|days)\b)))",
    re.IGNORECASE,
)


_RELATIVE = re.compile(r"\b(?:who|whose|whom)\b", re.IGNORECASE)


def _parents_past(sentence: str) -> re.Match[str] | None:
    """The cue that the sentence tells a parent's childhood; not one inside a relative
    clause ("the mother, who had spent her own childhood in care, was frightened of
    him"), where the sentence itself speaks of now."""
    for found in _PARENTS_PAST.finditer(sentence):
        clause = sentence[: found.start()].rsplit(",", 1)[-1]
        if not _RELATIVE.search(clause):
            return found
    return None


def outside_parents_past(sentence: str, words: Sequence[str]) -> bool:
    """Whether any of ``words`` stands in a clause before the one that tells a parent's
    childhood. Notes pack several things into one sentence with semicolons ("No pre-birth
    assessment requested; how her own upbringing might shape her parenting not explored"):
    the stance is judged for the whole sentence, but the first clause is about this baby's
    care. A clause after the cue goes on with the story ("Dean was placed in foster care
    at the age of 13 ...; he remained in care until he was 16")."""
    if ";" not in sentence:
        return False
    bounds = []
    start = 0
    for part in sentence.split(";"):
        bounds.append((start, _parents_past(part) is not None))
        start += len(part) + 1
    cue = next((first for first, told in bounds if told), None)
    if cue is None:
        return False
    lowered = sentence.lower()
    return any(0 <= lowered.find(word.lower()) < cue for word in words if word)


def judge(sentence: str) -> Stance:
    """The stance of one sentence (see the module docstring)."""
    text = sentence.strip()
    lowered = text.lower()
    outside = not_this_case(text) or first_match(text, lowered, NOT_THIS_CASE)
    if outside is not None:
        return Stance("general", "asserts", f"says it is not about this case ({outside.group()!r})")
    other = another_case(text, lowered)
    if other is not None:
        return Stance("general", "asserts", f"tells of another case ({other.group().strip()!r})")
    process = review_itself(text)
    if process is not None:
        return Stance("general", "asserts", f"the review's own work ({process.group().strip()!r})")
    if text.endswith("?"):
        return Stance("case", "asks", "a question, not a statement")
    asked = review_asks(text)
    if asked is not None:
        return Stance(
            "case", "asks", f"a question the review set itself ({asked.group().strip()!r})"
        )
    tied = _ties_to_case(text)
    if not tied:
        general = _GENERAL.search(text) or (
            _GENERALLY.search(text) if "generally" in lowered else None
        )
        if general is not None:
            return Stance("general", "asserts", f"speaks in general ({general.group().strip()!r})")
        # "Fathers were not seen by any practitioner" tells what happened: past tense
        # keeps a generic-sounding sentence on the case.
        if not _PAST.search(text):
            if _GENERIC_SUBJECT.search(text):
                return Stance("general", "asserts", "speaks of people in general")
            if is_general(text):
                return Stance("general", "asserts", "a recommendation for everyone")
    if denies(text, lowered):
        return Stance("case", "denies", "the sentence denies it")
    doubt = _DOUBT.search(text) or first_match(text, lowered, DOUBT)
    if doubt is not None:
        return Stance("case", "doubts", f"the concern was withdrawn ({doubt.group()!r})")
    past = _parents_past(text)
    if past is not None:
        return Stance(
            "parents_past", "asserts", f"about a parent's own childhood ({past.group()!r})"
        )
    praise = _PRAISE.search(text)
    if praise is not None and not _CONCERN.search(text):
        return Stance("case", "praises", f"praises practice ({praise.group()!r})")
    return ASSERTS
