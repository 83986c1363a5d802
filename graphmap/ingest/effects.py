"""What one answer of the mapping round does to the fact it answers: the one rule that the
workbook's instructions promise, the readback's preview shows and the build applies.

>>> decide("stammer")
'confirmed'
>>> decide("stammer-inte", assumed=True), decide("stammer-inte", own=True), decide("stammer-inte")
('withdrawn', 'withdrawn', 'review')
>>> decide("delvis", correction=True), decide("delvis"), decide("")
('corrected', 'recorded', 'recorded')
>>> decide("stammer-inte", part=False, assumed=True), decide("delvis", correction=True, part=False)
('review', 'review')
"""

from __future__ import annotations

#: the effects an answer can have (``gm:answerEffect``); ``review`` waits for the coordinator
EFFECTS = ("confirmed", "withdrawn", "corrected", "recorded", "review", "need", "no_need", "accepted", "rejected")
#: the source ids of a respondent's own answers (``svar-<code>`` in a round's ``sources``)
OWN_SOURCE = "svar-"


def decide(
    verdict: str,
    *,
    correction: bool = False,
    settles: bool = True,
    part: bool = True,
    assumed: bool = False,
    own: bool = False,
) -> str:
    """The effect of the verdict ``verdict`` (an ``answer`` notation, or "" for a comment only).

    ``settles``: the line can change (False: an old round's line kept as a comment);
    ``part``: the respondent's own part of the fact can be taken apart (its place, its membership);
    False for a fact about an actor's offer that reaches it through coverage, which one municipality
    confirms but does not remove or change for the others; ``assumed``: the respondent's part is an
    assumption (no page states it); ``own``: every source of the fact is the respondent's own answer.

    * *Stämmer*: confirmed: the fact (or the respondent's part) stated, with the answer as a source;
    * *Stämmer inte*: withdrawn when the fact is an assumption or the respondent's own word; a fact a
      third party's page states goes to the coordinator (``review``), both sources shown;
    * *Delvis* with a correction: corrected (the old value kept on the answer, both sources on the
      fact); without one: recorded, a comment for the coordinator to read.
    """
    if not verdict or not settles:
        return "recorded"
    if verdict == "stammer":
        return "confirmed"
    if verdict == "stammer-inte":
        return "withdrawn" if part and (assumed or own) else "review"
    if correction:
        return "corrected" if part else "review"
    return "recorded"


def own_source(source_id: str, respondent_code: str) -> bool:
    """Whether a fact's source is the respondent's own answer in a round.

    >>> own_source("svar-2481", "2481"), own_source("om-oss", "2481")
    (True, False)
    """
    return str(source_id) == f"{OWN_SOURCE}{respondent_code}"


__all__ = ["decide", "own_source", "EFFECTS"]
