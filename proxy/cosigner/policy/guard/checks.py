"""The judgement guard's checks, registered exactly like plug-in checks.

A check factory takes the rule's ``RuleSpec`` and returns a ``Check``.  Each built-in check fires when its
category fires in ``analysis.analyse``, when the learned wording model (``learned.py``) names its category, or
when one of the rule's extra ``phrases`` appears in a request sentence.  The phrase tables' finding is set aside
when the model is confident the request asks for no judgement.  ``wording_model = false`` on a rule leaves it to
the phrase tables alone.  The generic ``phrases`` check lets an organisation add its own rule from phrases alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cosigner.policy.contract import ALLOW, CheckRequest, Verdict, register_check
from cosigner.policy.guard.analysis import CATEGORIES, analyse
from cosigner.policy.guard.learned import wording_model
from cosigner.policy.guard.normalise import normalise_sentence
from cosigner.policy.schema import RuleSpec

MESSAGES: dict[str, str] = {
    "risk_scoring": (
        "Refused by rule risk_scoring: this asks the AI to score, rate, rank or classify the risk to or "
        "from a "
        "person. That judgement stays with you. Write up your own assessment of the risk and ask me to "
        "improve "
        "the wording, structure or spelling."
    ),
    "prediction": (
        "Refused by rule prediction: this asks the AI to predict what a person will do or what will happen "
        "to "
        "them. Describe what you have seen and your own analysis, and ask me to help you word it."
    ),
    "statutory_decision": (
        "Refused by rule statutory_decision: this asks the AI to make or recommend a statutory or "
        "professional "
        "decision (for example threshold, removal, enquiry, conference, closure, adoption, carer suitability "
        "or mental capacity). Record the decision you or your manager made and ask me to help write it up."
    ),
    "credibility": (
        "Refused by rule credibility: this asks the AI to judge whether a person is honest or believable. "
        "Set "
        "out the accounts and your own analysis, and ask me to help with clarity and structure."
    ),
    "profiling": (
        "Refused by rule profiling: this asks the AI to draw conclusions about people from a protected "
        "characteristic such as race, religion, disability, sex or age. Ask about the individual's "
        "circumstances as you have assessed them, or ask for help with wording."
    ),
    "guard_evasion": (
        "Refused by rule guard_evasion: requests to ignore or get around the organisation's AI rules are "
        "refused. Ask for help with drafting instead, for example improving the wording of your own note."
    ),
}
PHRASES_MESSAGE = "Refused by an organisation rule: this request matches a phrase your organisation does not allow."


def _phrase_hit(request: CheckRequest, phrases: tuple[str, ...]) -> bool:
    if not phrases:
        return False
    padded_phrases = tuple(normalise_sentence(p) for p in phrases)
    return any(p in sentence for sentence in analyse(request).sentences for p in padded_phrases)


@dataclass(slots=True)
class CategoryCheck:
    name: str
    rule_id: str
    message: str
    phrases: tuple[str, ...] = ()
    learned: bool = True

    def evaluate(self, request: CheckRequest) -> Verdict:
        analysis = analyse(request)
        by_rules = self.name in analysis.fired and not (self.learned and analysis.vetoed)
        # the model adds a refusal only where the phrase tables found nothing, so their rule (with its evidence)
        # is the one reported when both see a judgement
        by_model = self.learned and not analysis.fired and analysis.learned == self.name
        if by_rules or by_model or _phrase_hit(request, self.phrases):
            return Verdict("block", self.rule_id, self.message)
        return ALLOW


@dataclass(slots=True)
class PhrasesCheck:
    name: str
    rule_id: str
    message: str
    phrases: tuple[str, ...]

    def evaluate(self, request: CheckRequest) -> Verdict:
        if _phrase_hit(request, self.phrases):
            return Verdict("block", self.rule_id, self.message)
        return ALLOW


def _category_factory(category: str) -> Callable[[RuleSpec], CategoryCheck]:
    def factory(spec: RuleSpec) -> CategoryCheck:
        if spec.wording_model:
            wording_model()  # load (and verify) the model with the policy, so a bad model stops `serve`
        return CategoryCheck(
            category, spec.rule_id, spec.message or MESSAGES[category], spec.phrases, spec.wording_model
        )

    return factory


def _phrases_factory(spec: RuleSpec) -> PhrasesCheck:
    return PhrasesCheck("phrases", spec.rule_id, spec.message or PHRASES_MESSAGE, spec.phrases)


def register_builtin_checks() -> None:
    for category in CATEGORIES:
        register_check(category, _category_factory(category))
    register_check("phrases", _phrases_factory)
