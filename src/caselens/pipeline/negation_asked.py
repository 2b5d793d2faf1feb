"""Words a clause only asks about, or advises on: the topic of a question, not what was so.

"The midwife asked about domestic abuse", "routine questions about alcohol and drug use",
"the risks of sharing a bed", "the HV never mentioned alcohol or bed-sharing": each names an
indicator's words without saying the family lived them. :mod:`caselens.pipeline.negation`
reads these beside its denials.
"""

from __future__ import annotations

import re

# A question put to someone: "the midwife asked Leah about domestic abuse" says what was
# asked, not what was so (a routine enquiry that nobody made is a learning point, and a
# negation before the enquiry keeps it: "did not ask about").
ENQUIRY = re.compile(
    r"\b(?:ask(?:ed|s|ing)?|enquir(?:ed|y|ies|ing)|inquir(?:ed|y|ies|ing)|screen(?:ed|ing))"
    r"\b(?:\s+[\w'\u2019-]+){0,3}?\s+(?:about|for|into|regarding|whether|re:?)\s+(?:\w+(?:\s+|/)){0,2}$",
    re.IGNORECASE,
)
# Advice speaks of a danger, not of what this family did: "the risks of sharing a bed".
DANGER_OF = re.compile(
    r"\b(?:risks?|dangers?|hazards?) (?:of|in|associated with)\s+$"
    # the danger as advice tells it, at length: "the risks of falling asleep with a baby
    # on a sofa"; a clause of its own ("... was missed when ...") ends it
    # ("the dangers of living with a drug-using mother" is this family's life, not advice)
    r"|\b(?:risks?|dangers?|hazards?) of (?!living\b)\w+ing\s+"
    r"(?:(?!(?:is|are|was|were|had|has|do|does|did|when|while|but|because)\b)[\w'-]+\s+){0,7}$",
    re.IGNORECASE,
)

# The topics of routine questions, however long the list: "the midwife asked the routine
# questions about the mother's health, mental health, alcohol and drug use and domestic abuse".
ROUTINE_QUESTIONS = re.compile(
    r"\b(?:routine|standard|usual|screening|booking)\s+(?:enquiry|questions?)\s+"
    r"(?:about|on|regarding|covering|into)\s+(?:[\w'\u2019-]+,?\s+){0,14}$",
    re.IGNORECASE,
)
# The topic named as the enquiry's kind: "routine domestic abuse enquiry: says ...",
# "domestic violence screening completed": what was asked, not what was so.
TOPIC_OF_ENQUIRY = re.compile(
    r"\s+(?:enquiry|enquiries|inquiry|screening|screen|questions?)\b", re.IGNORECASE
)
# The matters routine questions and advice are about, named bare.
TOPICS = (
    r"alcohol|drink\w*|drugs?|cannabis|substances?(?: misuse)?|misuse|smoking|abuse|violence"
    r"|domestic (?:abuse|violence)|mental health|bed[- ]?shar\w*|co-?sleep\w*"
    r"|sleeping arrangements|safer? sleep\w*"
)
TOPIC = re.compile(r"\b(?:" + TOPICS + r")$", re.IGNORECASE)
# A topic never talked of: "the HV never mentioned alcohol or bed-sharing" is advice not
# given, not this family's drinking or bed-sharing. Only a bare topic: "never discussed his
# drinking" takes the drinking as known, and stays.
TALKED_OF = re.compile(
    r"\b(?:mention(?:ed|s|ing)?|discuss(?:ed|es|ing)?|rais(?:ed|es|ing)|covered"
    r"|(?:ask(?:ed|s|ing)?|talk(?:ed|s|ing)?|spoke|speak(?:s|ing)?|advis(?:ed|es|ing)"
    r"|advice)\s+(?:[\w'-]+\s+){0,3}?(?:about|of|on|re:?|regarding|around))"
    r"\s+(?:(?!(?:his|her|their|its|the|this|that|any|a|an)\b)[\w-]+,?\s+(?:(?:and|or)\s+)?){0,3}$",
    re.IGNORECASE,
)
# A match that is such topics and nothing else: "alcohol and bed-sharing".
TOPIC_WORD = re.compile(r"^(?:(?:" + TOPICS + r")(?:,?\s+(?:and|or)\s+)?)+$", re.IGNORECASE)
# A topic that belongs to someone is known, not only talked of: "her drinking".
POSSESSED = re.compile(r"(?:\b(?:his|her|their|its|the)|['\u2019]s)\s+$", re.IGNORECASE)
# The same topic named first: "co-sleeping was never discussed with either parent".
NEVER_TALKED_OF = re.compile(
    r"[\w-]*\s+(?:was|were|has been|had been)\s+(?:never|not)\s+(?:\w+ly\s+)?"
    r"(?:discussed|mentioned|raised|covered|talked about|asked about|spoken about)\b",
    re.IGNORECASE,
)
# Words of a failing in practice. An enquiry nobody made is a learning point, kept.
FAILED = r"nobody|no one|no-one|fail\w*|omit\w*"
UNASKED = re.compile(rf"\b(?:{FAILED})\b", re.IGNORECASE)
