"""Asking about the coach's question, or to skip it, read by the shape of the message (pure).

A question back is told by its structure rather than by a list of sentences: a request
addressed to the coach ("could you reword that"), not understanding the question ("I don't
get what you're asking"), an interrogative opener with a word about questions and meaning
("what counts as a win?", "what's a third option"), or who the question is about ("me or
them?"). The user's own matter after the verb ("explain my numbers better") keeps it an
answer. Skipping is a skip word ("skip", "next", "pass", "move on") with only glue around it.
"""

from __future__ import annotations

import re

from bot.wording import core, normalise, only_glue, word_set, words

# Longer messages tell something: they are not about the question.
LONGEST = 14

# Words that may stand around a request to the coach without telling anything of the user's.
_META_GLUE = word_set(
    "that this it bit part one the question questions please pls again more a little "
    "differently another way simpler simply plainly what you u mean meant by for me here "
    "term terms option options some an example examples step thing to with "
    "of answer answers clearer clear specific bit? ? in other sorry kindly maybe first "
    "idea hint hints clue clues tip tips sample mean? up on out better say i as any asked"
)
# Verbs of a request to the coach to say its question again, otherwise or more fully.
_REQUEST_VERB = (
    r"explain|rephrase|reword|re-word|clarify|elaborate|expand|define|simplify|repeat|"
    r"reformulate|paraphrase|unpack|say|put|ask|give|show|tell|help|break|spell|word|describe|"
    r"be (?:a (?:bit|little) )?(?:more )?(?:specific|clear|clearer|concrete|precise)|"
    r"make (?:it|that|this|the question) (?:a bit |a little )?(?:simpler|clearer|easier)"
)
_ADDRESSED = re.compile(
    rf"^(?:(?:can|could|would|will|may|might) (?:you|u)|(?:you|u) (?:can|could)|"
    rf"(?:would|do) (?:you|u) mind) (?:please )?(?:{_REQUEST_VERB})\b"
)
# Said alone as an order, only verbs that cannot start an answer ("ask for more" can).
_IMPERATIVE = re.compile(
    r"^(?:please |pls |kindly |so )?(?:explain|rephrase|reword|re-word|clarify|elaborate|"
    r"expand|define|simplify|repeat|reformulate|paraphrase|unpack|"
    r"(?:say|put|ask) (?:that|it|this)(?: (?:question|one))? (?:again|another way|differently|"
    r"in other words|more simply|simply|plainly|in plain words)|"
    r"say more|tell me more|give me (?:an? |some |another )?(?:example|hint|clue|idea|tip)s?|"
    r"show me (?:an? )?example|help me(?: out)?|help|example|examples|hint|hints|clue|"
    r"remind me(?: of)?(?: what)?|"
    r"another way|in other words|simpler|more detail|details|context|meaning)\b"
)
# Not following the coach: only what the question means can follow these ("why they said
# no" after "I don't understand" is an answer).
_NOT_FOLLOWING = re.compile(
    r"\b(?:(?:don't|do not|didn't|did not|can't|cannot|couldn't|still don't|not sure i) "
    r"(?:really |quite |fully |totally |even )?(?:understand|get|follow|grasp|see)|"
    r"(?:no|not an?) (?:idea|clue) what|(?:idk|dunno|not sure|unsure|confused about) what|"
    r"(?:don't|do not|didn't) (?:really )?know what|"
    r"(?:lost|confused|puzzled|baffled)|confus(?:es|ing|ed)|"
    r"(?:not|n't) (?:really )?(?:following|getting it|understanding)|(?:over|above) my head|"
    r"(?:makes?|made) no sense|(?:doesn't|does not|didn't) make (?:any )?sense|"
    r"(?:not|isn't|wasn't) (?:very |quite |that |really )?clear|unclear|vague|missed)\b"
)
# What a failure to follow is about when it is about the question.
_ABOUT_IT = word_set(
    "i i'm im am totally completely a bit little kinda kind of so very here now sorry "
    "the question questions options option you u what you're you are ur are asking ask asked "
    "mean meant means by it this that is was to me of with about again your quite "
    "being step one part bit wording word words too here? still that's it's thats want wants "
    "wanting looking for getting at after need needs went goes there"
)
_OPENER = re.compile(
    r"^(?:what|what's|how|how's|which|why|who|who's|whom|whose|where|is|are|am|do|does|did|"
    r"should|would|could|can|will|was|were|shall|isn't|doesn't|wait|sorry|hm+|huh|so|and|"
    r"or|but|um+|eh|like|meaning|as in|you mean|u mean|i mean)\b"
)
# A direct question without its question mark: a wh-word, then a verb of asking's word order
# ("what do you mean", "how am I meant to"), not a clause ("what they expect from me").
_DIRECT = re.compile(
    r"^(?:what|how|which|why|who|where)(?:'s| is| are| am| do| does| did| would| should| can|"
    r" could| was| were| will| goes| exactly| kind| sort| type| counts)\b"
)
# Words about asking, meaning and answering: with an opener they point at the question.
_META = re.compile(
    r"\b(?:mean|means|meant|meaning|question|questions|asking|ask|asked|example|examples|"
    r"e\.?g|instance|counts?|counted|qualif(?:y|ies)|difference|differ|options?|"
    r"looking for|after|want from me|expect(?:ing|ed)?|supposed to|meant to|answer(?:s|ing|ed)?|"
    r"you|u|your|ur|here|this one|this step|refer(?:ring)?|talking about|point)\b"
)
# Who the question is about ("me or them?", "gain for who?", "who is 'they'?").
_WHO = re.compile(
    r"\b(?:me or (?:them|him|her|my|the|their|they)|mine or (?:theirs|his|hers)|"
    r"(?:my|our) side or|(?:them|they|him|her) or me|(?:for|about|to|from|by) (?:who|whom)\b|"
    r"who(?:'s| is| are) (?:they|them|'they'|\"they\"|that|this|he|she)|"
    r"who do you mean|which (?:one|person|side|part|of them)|^who(?:'s| is| are) \S+$|"
    r"^(?:is|was) (?:this|that|it) about .{1,30} or )"
)
# "What's a third option?": a short question for the meaning of a word.
_DEFINITION = re.compile(
    r"^(?:what's|what is|what are|what's an?|whats|what does|what do|what would|what counts|"
    r"what qualifies|what kind|what sort|what type|is an?|does an?|would an?|"
    r"does (?:a|my|this|that) \w+ count)\b"
)
# The coach's own words a person may ask the meaning of, even where the answer is itself a
# question for someone else (nobody asks their manager "what is a clarifying question?"),
# each with the id of its explanation (prompts: `term.<id>`; "" for "that word": the step's own).
_TERMS = (
    (
        "clarifying_question",
        r"clarifying questions?|clarifying|(?:a |the )?clarifying one|preguntas? aclaratorias?|"
        r"kl[äa]rungsfragen?|kl[äa]rende fragen?|r[üu]ckfragen?|questions? de clarification|"
        r"perguntas? (?:de esclarecimento|esclarecedoras?)",
    ),
    (
        "third_option",
        r"third options?|tercera opci[oó]n|dritte option|troisi[eè]me option|terceira op[cç][aã]o",
    ),
    ("boundary", r"(?:soft|hard) boundar(?:y|ies)|boundar(?:y|ies)"),
    ("delayed_yes", r"delayed yes"),
    ("revisit", r"revisit(?:ing)?|check(?:ing)? in"),
    ("self_aware", r"self[- ]aware(?:ness)?|under pressure"),
    ("reframe", r"reframe|reframing"),
    ("own_win", r"(?:your |my )?own win"),
    ("", r"(?:that|this|the) (?:word|term|phrase)"),
)
TERM_IDS = tuple(term for term, _ in _TERMS if term)
_TERM_GROUPS = "|".join(f"(?P<t{index}>{pattern})" for index, (_, pattern) in enumerate(_TERMS))
_ABOUT_A_TERM = re.compile(
    r"^(?:what(?:'s| is| are|s)|what (?:do|does|did) (?:you|u) mean(?: by| with|,)?|wdym|"
    r"what does|what do|define|meaning of|explain|what counts as|what's meant by|"
    r"what is meant by|what (?:kind|sort|type) of|"
    # The same asked in Spanish, German, French and Portuguese.
    r"qu[eé] (?:quieres decir|significa|es)(?: con)?|a qu[eé] te refieres con|"
    r"was (?:meinst du mit|bedeutet|ist)|qu'est[- ]ce que (?:tu veux dire|vous voulez dire|"
    r"c'est)(?: par)?|(?:o )?que (?:voc[eê] )?(?:quer dizer com|significa|[eé]))\s+"
    r"(?:a |an |the |una |un |el |la |eine |ein |die |der |une |le |uma |um |o )?['\"]?"
    r"(?:" + _TERM_GROUPS + r")['\"]?"
    r"(?: mean| means| meant)?(?: exactly| here| again| then| in this case)?\W*$"
)
# The word alone, asked ("clarifying question?", "third option meaning?").
_TERM_ALONE = re.compile(
    r"^(?:a |an |the )?['\"]?(?:" + _TERM_GROUPS + r")['\"]?"
    r"(?: how| meaning| means what| what| exactly| like what)?\W*$"
)


def term_asked(text: str) -> str | None:
    """Which of the coach's words a short question asks the meaning of ("what's a third
    option?" -> "third_option"; "" for "that word"); None when it asks about none."""
    # Spanish opens a question with "¿".
    plain = _LEAD.sub("", (core(text) or normalise(text)).lstrip("¿¡ "))
    found = _ABOUT_A_TERM.match(plain)
    if found is None and text.rstrip().endswith("?"):
        found = _TERM_ALONE.match(plain)
    if found is None:
        return None
    index = next(int(name[1:]) for name, value in found.groupdict().items() if value)
    return _TERMS[index][0]


# Asking what an answer may be ("does it have to be big?", "is a feeling ok?").
_ALLOWED = re.compile(
    r"^(?:does|do|can|should|must|is|may|has|have|would) (?:it|this|that|the answer|my answer|"
    r"an answer|a \w+|i) (?:have to|has to|need to|needs to|be|count|matter|work|ok|okay|fine|"
    r"alright|enough|allowed)\b|"
    r"^(?:should|do|can|must|may) i (?:write|say|put|answer|use|include|mention|list|keep it)\b|"
    r"^(?:is|are|would|will) .{0,25}\b(?:enough|ok|okay|fine|alright|allowed|acceptable)$"
)
# Words that lead a message without changing what it asks ("ok but what does that mean").
_LEAD = re.compile(r"^(?:(?:ok|okay|but|and|so|wait|sorry|hm+|um+|huh|eh|right|oh|ah)\b[\s,]*)+")
# A guess offered as a question ("a raise next year?") is an answer; these start none.
_TENTATIVE = re.compile(r"^(?:maybe|perhaps|probably|possibly|a |an |my |their |the |i |we )")

_SKIP_KERNEL = re.compile(
    r"\b(?:skip(?:ping|ped)?|next(?: (?:question|one))?|pass(?: on (?:this|that|it))?|"
    r"move on|moving on|on to the next|go to the next|(?:go|jump) ahead|"
    r"(?:rather|prefer) not(?: to)? (?:say|answer|share|go into|get into|talk about|discuss)|"
    r"leave (?:this|that|it)(?: one)?(?: (?:blank|empty|out))?|no answer (?:for|to) (?:this|that)|"
    r"not this one|(?:don't|do not) want to answer (?:this|that)|"
    r"not (?:answer|answering) (?:this|that)|"
    r"(?:can't|cannot|won't) answer (?:this|that) one)\b"
)
_SKIP_GLUE = word_set(
    "can could we i let's let us please pls just this that it one question the ok okay so "
    "i'd i'll rather prefer to on go for now yes yeah maybe want wanna would like you "
    "if possible sorry that's fine next instead thanks if we may do id ahead q nah it into"
)


def _rest_is(text: str, found: re.Match[str], glue: frozenset[str]) -> bool:
    """Whether the words after a match are all glue."""
    return all(word in glue for word in re.findall(r"[\w']+|\?", text[found.end() :]))


def is_skip(text: str) -> bool:
    """Whether a short message asks to skip the question ("skip this one", "next question")."""
    lowered = normalise(text)
    return len(words(text)) <= 8 and only_glue(lowered, _SKIP_KERNEL, _SKIP_GLUE)


def not_following(text: str) -> bool:
    """Whether the message says the question was not understood ("I don't get what you mean")."""
    lowered = core(text) or normalise(text)
    found = _NOT_FOLLOWING.search(lowered)
    if found is None or len(words(text)) > 10:
        return False
    before = lowered[: found.start()].split()
    if any(word not in _ABOUT_IT for word in re.findall(r"[\w']+", " ".join(before))):
        return False
    return _rest_is(lowered, found, _ABOUT_IT) or _MEANS.match(lowered[found.end() :]) is not None


# "Not sure what soft means": a word of the question, then a verb of meaning.
_MEANS = re.compile(
    r"^\W*(?:[\w']+ ){0,3}(?:mean|means|meant|stands? for|refers? to)"
    r"(?: here| exactly| in this case| then)?\W*$"
)
# At a choice: a question's word order ("is it soft if...?", "which applies to...?").
_ASKS_WHICH = re.compile(
    r"^(?:(?:is|are|was|does|do|did|would|should|could|can|will|isn't|doesn't)"
    r" (?:it|that|this|there|a|an|the|i|you|they|he|she|we|my|their|his|her|something)|"
    r"(?:what|how|which|why|who|where|when)(?:'s)?)\b|^(?:is|would|does|are) ['\"]"
)


def asks_which(text: str) -> bool:
    """Whether a message at a choice asks back in a question's word order ("is it soft if?")."""
    lowered = normalise(text)
    if _DIRECT.match(core(text) or lowered) and len(words(text)) <= 8:
        return True
    if not text.rstrip().endswith("?") or len(words(text)) > LONGEST:
        return False
    return _ASKS_WHICH.match(core(text) or lowered) is not None or bool(
        re.search(r"\b(?:how|why|which|what)$", lowered)
    )


def is_question_back(text: str, *, strict: bool = False) -> bool:
    """Whether a short message asks about the coach's question rather than answering it.

    `strict` (where the answer is itself a question to put to someone) keeps only what
    cannot be a question to them: a request to reword with nothing of their own after it,
    not following, and who the question is about.
    """
    lowered = normalise(text)
    said = words(text)
    if not said or len(said) > LONGEST:
        return False
    asked = text.rstrip().endswith("?")
    plain = _LEAD.sub("", core(text) or lowered)
    addressed = _ADDRESSED.match(plain)
    if addressed is not None and (not strict or _rest_is(plain, addressed, _META_GLUE)):
        return True
    if not strict and (_ADDRESSED.match(lowered) or (_ALLOWED.match(plain) and asked)):
        return True
    ordered = _IMPERATIVE.match(plain)
    if ordered is not None and (_rest_is(plain, ordered, _META_GLUE) or (asked and len(said) <= 3)):
        return True
    if not_following(text) or _WHO.search(lowered) or (asked and " as in " in f" {lowered} "):
        return True
    if term_asked(text) is not None:
        return True
    if strict:
        return False
    opened = _OPENER.match(plain) or _OPENER.match(lowered)
    direct = _DIRECT.match(plain) is not None and len(said) <= 8
    if opened is not None and _META.search(lowered) and (asked or direct):
        return True
    if _DEFINITION.match(plain) and len(said) <= 5 and (asked or len(said) <= 4):
        return True
    # "third option meaning what?": a short question that ends on its question word.
    if asked and len(said) <= 6 and re.search(r"\b(?:what|who|how|which)(?: exactly)?$", lowered):
        return True
    # "say more?", "hint?": a few words about asking, ending in a question mark.
    if asked and len(said) <= 3 and not _TENTATIVE.match(plain):
        return all(word in _META_GLUE or _OPENER.match(word) for word in said)
    return False
