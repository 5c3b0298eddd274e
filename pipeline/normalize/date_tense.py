"""The tense of a date's governing verb, read from the parse of its sentence (rows of ``tokens``).

Extract parses the sentences that hold a date whose value depends on tense (a weekday or a month
written without a year), in articles the parser's gate selects. For a weekday, the verb the date
belongs to says whether it lies in the past or the future more surely than the words near it
("The tariffs announced last month take effect on Monday": "last" and "announced" are nearer to
"Monday" than "take"); the dates normalizer reads it for weekdays and weekends, and for a month
only the narrow reading of `simple_past_in` (see `pipeline.normalize.dates.clause_tense` for why).
`tense_from_parse` answers:

- ``future``: a noun the date modifies that is awaited, whatever the verb's tense ("were bracing for
  a jobs report on Tuesday", "investors await Friday's payrolls"; lemmas marked ``awaited``);
  a preposition that looks ahead ("until Friday", from the cue words); a modal or future auxiliary on the predicate ("will meet from Wednesday", "talks
  could resume in June"); a predicate whose lemma looks ahead, as an adjective or a passive
  participle ("is due on Wednesday", "was scheduled for Tuesday"), or above the predicate's
  infinitive ("plans to resume talks in June", "are set to take effect on Monday"); the present
  progressive ("are meeting on Thursday");
- ``past``: a finite verb or auxiliary in the past ("fired in July", "was held on Monday"), the
  perfect, after a modal too ("has raised duties in July", "may have peaked in January"), a past
  participle modifying a noun ("tariffs imposed in March");
- the tense of the verb a present participle clause without connective modifies ("Speaking to
  reporters on Thursday, the president said …" is past, "Speaking on Friday, she will …" future);
- ``present``: a finite verb or copula in the present that is no reporting verb ("duties apply
  from Wednesday", "the deadline is Friday"); the normalizer takes it as future; not a verb of a
  market's move (lemmas marked ``now``: "the rupee falls sharply after hitting a record on Monday",
  as market reports tell the moment in the present), which says nothing;
- None when the parse does not say: no parse, a date not attached to a predicate (directly, or
  through one noun that is the predicate's argument: "signed a deal in July"), an infinitive under
  another verb ("agreed to meet on Friday"), a present reporting verb ("says"); and a present or
  progressive predicate reached through a noun ("yields hover around Friday's levels", "the
  announcement on Monday is heightening tensions"): the noun's event keeps its own time, which a
  past verb or a future auxiliary still gives ("signed a deal in July"), the present does not.

The auxiliaries are read with the word cues of ``models/dates/tense.csv`` (will, would, could, was,
had …) and by their kind in ``models/dates/auxiliaries.csv`` (the perfect's "have", the
progressive's "be"), the forward-looking lemmas from ``models/dates/tense_predicates.csv``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from pipeline.rulefiles import read_rows
from pipeline.views import ParsedToken, morph_features

PARSE_TENSES = ("past", "future", "present", "awaited", "now")
# Relations by which a date modifies its predicate as an adverbial ("met on Friday", "in July, he said").
ADVERBIAL = frozenset({"obl", "obl:tmod", "obl:unmarked", "obl:npmod", "nmod:tmod", "advmod", "nmod:unmarked"})
# A noun between the date and the predicate: the date modifies the noun ("a deal in July"), and the noun
# is an argument of the predicate ("signed a deal in July").
NOUN_MODIFIER = frozenset({"nmod", "compound", "nmod:poss", "appos"})
ARGUMENTS = frozenset({"obj", "iobj", "nsubj", "nsubj:pass", "obl", "obl:tmod", "obl:unmarked", "obl:agent"})
# Children of a predicate that carry its tense.
AUXILIARIES = frozenset({"aux", "aux:pass", "cop"})
PREDICATE_TAGS = frozenset({"VERB", "AUX"})
# Clauses whose infinitive takes its time from the word above it ("plans to resume talks in June").
INFINITIVE_CLAUSES = frozenset({"xcomp", "acl", "advcl", "ccomp", "csubj"})
# The kinds of auxiliary in ``models/dates/auxiliaries.csv`` (forms, as the lemmatizer leaves some as written).
AUXILIARY_KINDS = ("be", "have", "future")


def load_tense_predicates(models_dir: Path) -> Mapping[str, str]:
    """The forward-looking lemmas of ``models_dir/dates/tense_predicates.csv``: lemma → tense."""
    path = models_dir / "dates" / "tense_predicates.csv"
    lemmas = {}
    for row in read_rows(path):
        if row["tense"] not in PARSE_TENSES:
            raise ValueError(f"{path.name}: {row['lemma']!r} has tense {row['tense']!r}; expected one of {PARSE_TENSES}")
        lemmas[row["lemma"].lower()] = row["tense"]
    return lemmas


def load_auxiliaries(models_dir: Path) -> Mapping[str, str]:
    """The auxiliaries of ``models_dir/dates/auxiliaries.csv`` by written form: ``be``, ``have`` or ``future``."""
    path = models_dir / "dates" / "auxiliaries.csv"
    forms = {}
    for row in read_rows(path):
        if row["auxiliary"] not in AUXILIARY_KINDS:
            raise ValueError(f"{path.name}: {row['form']!r} is auxiliary {row['auxiliary']!r}; "
                             f"expected one of {AUXILIARY_KINDS}")
        forms[row["form"].lower()] = row["auxiliary"]
    return forms


class ParsedSentence:
    """One parsed sentence's tokens, with their children by relation (built only when a date needs it)."""

    def __init__(self, tokens: Sequence[ParsedToken]) -> None:
        self.tokens = tuple(tokens)
        self.by_index = {token.index: token for token in self.tokens}
        self.children: dict[int, list[ParsedToken]] = {}
        for token in self.tokens:
            if token.head != token.index:
                self.children.setdefault(token.head, []).append(token)

    def head_of(self, start: int, end: int) -> ParsedToken | None:
        """The token of ``[start, end)`` whose head lies outside it (the span's head), or None."""
        inside = [t for t in self.tokens if t.start < end and start < t.end and t.text.strip()]
        indexes = {t.index for t in inside}
        heads = [t for t in inside if t.head not in indexes or t.head == t.index]
        return heads[0] if heads else None

    def parent(self, token: ParsedToken) -> ParsedToken | None:
        """The token's head; None for the root."""
        return None if token.head == token.index else self.by_index.get(token.head)

    def auxiliaries(self, token: ParsedToken) -> list[ParsedToken]:
        """The auxiliaries and copula of ``token`` ("will", "has", "is")."""
        return [child for child in self.children.get(token.index, ()) if child.dep in AUXILIARIES]


def sentences_by_index(tokens: Sequence[ParsedToken]) -> dict[int, ParsedSentence]:
    """The article's parsed sentences by sentence index (``tokens`` in sentence and token order)."""
    grouped: dict[int, list[ParsedToken]] = {}
    for token in tokens:
        grouped.setdefault(token.sentence_index, []).append(token)
    return {index: ParsedSentence(group) for index, group in grouped.items()}


def tense_from_parse(sentence: ParsedSentence, start: int, end: int, word_tenses: Mapping[str, str],
                     predicates: Mapping[str, str], auxiliary_forms: Mapping[str, str]) -> str | None:
    """``past``, ``future``, ``present`` or None: the tense of the predicate the date ``[start, end)`` belongs to.

    ``word_tenses`` are the cue words of ``tense.csv`` (for the auxiliaries), ``predicates`` the
    forward-looking lemmas (see the module docstring), ``auxiliary_forms`` the auxiliaries by form (`load_auxiliaries`).
    """
    date = sentence.head_of(start, end)
    if date is None:
        return None
    markers = [child for child in sentence.children.get(date.index, ()) if child.dep == "case"]
    if any(word_tenses.get(marker.text.lower()) == "future" for marker in markers):
        return "future"  # "closed until Friday": a state lasting up to the date, whatever the verb's tense
    found = _predicate_of(sentence, date)
    if found is None:
        return None
    predicate, through_noun = found
    if through_noun and predicates.get((predicate.lemma or "").lower()) == "awaited":
        return "future"  # "traders were bracing for a jobs report on Tuesday": the report is still to come
    return _tense_of(sentence, predicate, word_tenses, predicates, auxiliary_forms, through_noun=through_noun)


def _is_predicate(sentence: ParsedSentence, token: ParsedToken) -> bool:
    """A verb, or a word with a copula or an auxiliary ("is due", "may have peaked" read as an adjective)."""
    return token.upos in PREDICATE_TAGS or bool(sentence.auxiliaries(token))


def _predicate_of(sentence: ParsedSentence, date: ParsedToken) -> tuple[ParsedToken, bool] | None:
    """The predicate the date is an adverbial of, directly or through one noun argument (then the
    flag is True); else None."""
    if _is_predicate(sentence, date):  # "the deadline is Friday": the date is the predicate
        return date, False
    head = sentence.parent(date)
    if head is None:
        return None
    if date.dep in ADVERBIAL and _is_predicate(sentence, head):
        return head, False
    if date.dep in NOUN_MODIFIER and head.dep in ARGUMENTS:
        above = sentence.parent(head)
        if above is not None and _is_predicate(sentence, above):
            return above, True
    return None


def _tense_of(sentence: ParsedSentence, predicate: ParsedToken, word_tenses: Mapping[str, str],
              predicates: Mapping[str, str], auxiliary_forms: Mapping[str, str], *,
              through_noun: bool = False) -> str | None:
    """The predicate's tense (see the module docstring); ``through_noun``: the date modifies one of its
    arguments, so the present and the progressive say nothing of the date."""
    features = morph_features(predicate.morph)
    auxiliaries = sentence.auxiliaries(predicate)
    words = {aux.text.lower() for aux in auxiliaries}
    kinds = {auxiliary_forms.get(word) for word in words}
    if "have" in kinds and features.get("VerbForm") != "Inf":
        # the perfect: "has raised duties in July", after a modal too ("may have peaked in January"),
        # but for the future perfect ("will have left by Friday")
        return "future" if "future" in kinds else "past"
    if any(word_tenses.get(word) == "future" for word in words):  # will, would, could, may, shall, 'll …
        return "future"
    passive = features.get("Voice") == "Pass" or any(aux.dep == "aux:pass" for aux in auxiliaries)
    if (predicate.upos == "ADJ" or passive) and predicates.get((predicate.lemma or "").lower()) == "future":
        return "future"
    if features.get("VerbForm") == "Inf":
        governor = sentence.parent(predicate)
        if predicate.dep in INFINITIVE_CLAUSES and governor is not None \
                and predicates.get((governor.lemma or "").lower()) == "future":
            return "future"
        return None
    finite = [morph_features(aux.morph) for aux in auxiliaries] + [features]
    if any(f.get("Tense") == "Past" and f.get("VerbForm") == "Fin" for f in finite):
        return "past"
    if features.get("VerbForm") == "Part":
        governor = sentence.parent(predicate)
        if (features.get("Tense") == "Pres" and not auxiliaries and predicate.dep == "advcl" and governor is not None
                and not any(c.dep == "mark" for c in sentence.children.get(predicate.index, ()))):
            # a participle clause without connective shares its verb's time: "Speaking to reporters on
            # Thursday, Trump said he will …" is past (the near "will" is the reported clause's)
            return _tense_of(sentence, governor, word_tenses, predicates, auxiliary_forms)
        if features.get("Tense") == "Past" and not auxiliaries and predicate.dep == "acl":
            return "past"  # "tariffs imposed in March"
        if features.get("Tense") == "Pres" and "be" in kinds and not through_noun:
            return "future"  # "are meeting on Thursday": the progressive with a date
        return None
    if any(f.get("Tense") == "Pres" and f.get("VerbForm") == "Fin" for f in finite):
        if through_noun or word_tenses.get(predicate.text.lower()) == "report" \
                or predicates.get((predicate.lemma or "").lower()) == "now":
            return None  # a market's move in the present is the story's now, no schedule ("falls after Monday's high")
        return "present"
    return None


def simple_past_in(sentence: ParsedSentence, start: int, end: int) -> bool:
    """True when the date ``[start, end)`` is an "in" adverbial of a simple past verb ("was fired in July",
    "met in March", "said in July it would …"): the one reading of a month by its verb that a past
    verb does not often mislead (see `pipeline.normalize.dates.clause_tense`)."""
    date = sentence.head_of(start, end)
    if date is None or date.dep not in ADVERBIAL:
        return False
    if not any(child.dep == "case" and child.text.lower() == "in" for child in sentence.children.get(date.index, ())):
        return False
    predicate = sentence.parent(date)
    # the verb before its date: a fronted or distant one is more often a misattached head
    if predicate is None or predicate.upos != "VERB" or predicate.index > date.index:
        return False
    first = sentence.parent(predicate) if predicate.dep == "conj" else None
    if first is not None and any(aux.dep == "aux" for aux in sentence.auxiliaries(first)):
        return False  # "will be wrapped … and voted on in April": the auxiliary of the first verb holds for both
    if not any(child.dep.startswith("nsubj") for child in sentence.children.get((first or predicate).index, ())):
        return False  # a verb without subject is often a noun misread ("its bid limit ends in July")
    auxiliaries = sentence.auxiliaries(predicate)
    features = [morph_features(predicate.morph)] + [morph_features(aux.morph) for aux in auxiliaries]
    # a finite past verb, alone or with a past passive auxiliary ("was fired"); never the perfect or a modal
    if any(aux.dep == "aux" for aux in auxiliaries):
        return False
    return any(f.get("Tense") == "Past" and f.get("VerbForm") == "Fin" for f in features)

