"""Commentary: a measure named only in the words of a speaker who governs nothing is no event.

Market and company copy quotes analysts, economists, strategists, banks and
firms on tariffs: "Tariffs could be coming for U.S. farm goods," says an
analyst; "we think Korea will be spared," the economists write; a
company's outlook "leaves out any tariff effect". The speaker forecasts,
judges or weighs a measure; no government acts in the sentence. The gold
guideline asks for no event for such commentary, and the 2025 gold sets hold
none, while they do hold the government acts an analyst relays in reported
speech ("Beijing has put duties on U.S. farm goods, the broker says").

So, for a trigger inside a quotation (`QuoteRef`, from the quotes table) whose
speaker is a commentator (`commentator_speaker`):

- in a direct quotation (the speaker's own words in quote marks), the
  candidate is dropped: the words are the speaker's view, and the news of a
  measure, if any, is told in the reporter's own sentences;
- in reported speech (indirect or mixed), it is dropped when its modality
  is ``possible`` or ``negated`` — a commentator's speculation or a measure
  not taken ("the analyst notes Washington has not threatened duties on Vietnamese shoes") reports no act —
  and when it is history (`background.is_history`: dated before the article's window, `background.before_window`, or
  told in a sentence that dates only history, `background.told_as_history`) and the speaker is a commentator
  by trade (a word of `analyst`: analyst, economist, bank, research …): "In 2018, Trump imposed tariffs
  …, the bank adds" is the analyst's backdrop to a view, not news the article reports, and the gold sets
  code no event for it. A company telling its own history stays, as background ("Harley-Davidson said
  President Reagan imposed the tariff in April 1983": the company took part in the act). An asserted,
  planned or threatened measure of the article's window that the speaker relays stays ("Beijing has put
  duties on U.S. farm goods, the broker says").

A forecast is commentary too, quoted or not: a verb of ``forecast_verbs`` of
``syntax.json`` ("expect", "predict", "believe") on the trigger's clause or
above it, whose subject is a commentator ("Economists expect Washington to
raise tariffs", "the broker predicts two cuts", `forecast_by_commentator`),
drops the candidate. ("Analysts said Japan would retaliate" stays, marked
``is_background`` by `background.is_commentary`: a report of what a government will
do, told by someone else.)

A quotation that a government speaker's quotation also covers is never
commentary. The speaker is a commentator when a word of `commentator` in
``models/events/market.csv`` stands in its name or in the words around its name
near the quotation or where the article first names it (the title before it,
"Northgate Bank analyst Jane Roe", or the words after it, "Dana Whitfield, an analyst at …", "Kestrel said in
a research note"), and no word of `governing` does ("the president's economic adviser", "the central bank");
the quotations' own words are left out of those windows, so the companies an official talks about do not make
the official a commentator.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from pipeline.events.market import MarketWords
from pipeline.events.resources import SyntaxRules
from pipeline.events.background import is_history
from pipeline.events.syntax import SentenceParse, Token
from pipeline.events.types import ArticleInputs, Candidate, QuoteRef

# Modalities under which a commentator's reported words tell no act.
UNREALIZED = ("possible", "negated")
# Words on either side of a speaker's name that may describe it (a title before, an apposition after).
TITLE_WORDS = 6
APPOSITION_WORDS = 14  # "head of rates and currency strategy at Northgate Global Asset Management"
# How many of the article's first namings of a speaker may describe it besides those near the quotation.
FIRST_NAMINGS = 2
# Where a speaker's description ends: punctuation that closes a phrase, or the masked words of a quotation.
STOP = "|"
_STOPS = re.compile(r"[.;:!?\"“”()\n|]")
_WORD = re.compile(r"[\w&'’-]+")
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them"})


def _words(text: str) -> list[str]:
    return [w.lower().removesuffix("’s").removesuffix("'s") for w in _WORD.findall(text)]


def _has(words: list[str], vocabulary: frozenset[str]) -> bool:
    """True when a word or two adjacent words of ``words`` are in ``vocabulary``."""
    return any(w in vocabulary for w in words) or any(f"{a} {b}" in vocabulary for a, b in zip(words, words[1:]))


def _masked(text: str, quotes: Iterable[QuoteRef]) -> str:
    """``text`` with every quotation's words replaced by `STOP` (same length)."""
    chars = list(text)
    for quote in quotes:
        chars[quote.start:quote.end] = STOP * (quote.end - quote.start)
    return "".join(chars)


def _descriptions(masked: str, name: str, start: int, end: int) -> list[list[str]]:
    """The words around each occurrence of ``name`` in ``masked[start:end]``: up to `TITLE_WORDS` before it
    and `APPOSITION_WORDS` after it, each side cut at a stop."""
    out = []
    for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", masked[start:end]):  # "Co", not "Commerce"
        before = _STOPS.split(masked[max(0, start + found.start() - 80):start + found.start()])[-1]
        after = _STOPS.split(masked[start + found.end():start + found.end() + 120])[0]
        out.append(_words(before)[-TITLE_WORDS:] + _words(name) + _words(after)[:APPOSITION_WORDS])
    return out


def commentator_speaker(quote: QuoteRef, inputs: ArticleInputs, words: MarketWords, masked: str,
                        vocabulary: frozenset[str] | None = None) -> bool:
    """True when the quotation's speaker comments and governs nothing (module doc); ``masked`` is the
    article's text with the quotations masked (`_masked`). ``vocabulary`` replaces the words of a
    commentator (``words.analysts``: a commentator by trade)."""
    vocabulary = words.commentators if vocabulary is None else vocabulary
    if quote.speaker_official_id or not vocabulary:
        return False
    names = [n for n in dict.fromkeys((quote.speaker_name, quote.speaker_text))
             if n and n.strip().lower() not in PRONOUNS]
    if not names:
        return False
    # near the quotation: its sentences and the one on each side (a title may be given just before)
    near = [s for s in inputs.sentences if s.end >= quote.start - 2 and s.start <= quote.end + 2]
    start = min((s.start for s in near), default=quote.start)
    end = max((s.end for s in near), default=quote.end)
    # and where the article first names the speaker ("Kestrel analysts say …" before "…, Kestrel adds")
    described = [d for n in names for d in _descriptions(masked, n, start, end)
                 + _descriptions(masked, n, 0, len(masked))[:FIRST_NAMINGS]]
    described = described or [_words(n) for n in names]
    if any(_has(d, words.governing) for d in described):
        return False
    return any(_has(d, vocabulary) for d in described)


def commentary_quote(candidate: Candidate, quotes: Iterable[QuoteRef],
                     is_commentator: Callable[[QuoteRef], bool]) -> QuoteRef | None:
    """The commentator's quotation holding the candidate's trigger, or None (also when a government
    speaker's quotation holds it); ``is_commentator`` judges a quotation's speaker (`commentator_speaker`)."""
    position = candidate.trigger.start
    holding = [q for q in quotes if q.start <= position < q.end]
    if any(q.speaker_official_id for q in holding):
        return None
    return next((q for q in holding if is_commentator(q)), None)


def forecast_by_commentator(parse: SentenceParse, trigger: Token, rules: SyntaxRules, words: MarketWords) -> bool:
    """True when a verb of ``forecast_verbs`` on the trigger's clause or a verb above it has a commentator
    subject (module doc): its words hold a commentator or market participant word and no governing word."""
    clause = parse.clause(trigger, rules.clause_verbs)
    for verb in [clause, *parse.chain(clause)]:
        if verb.lemma.lower() not in rules.forecast_verbs:
            continue
        for subject in parse.children(verb, "nsubj"):
            subject_words = [t.lower for t in parse.subtree(subject)]
            if not _has(subject_words, words.governing) and (_has(subject_words, words.commentators)
                                                             or _has(subject_words, words.participants)):
                return True
    return False


def without_commentary(candidates: list[Candidate], inputs: ArticleInputs, words: MarketWords | None,
                       rules: SyntaxRules | None) -> list[Candidate]:
    """The candidates but those a commentator's words alone state (module doc). Run once modality is final;
    ``rules`` give the forecast verbs (None: no parse rule)."""
    if words is None or not candidates:
        return candidates
    masked = _masked(inputs.text, inputs.quotes)
    # a speaker is judged from the whole article's text, so each quotation is judged once, not at each
    # candidate it holds
    @cache
    def is_commentator(quote: QuoteRef) -> bool:
        return commentator_speaker(quote, inputs, words, masked)

    @cache
    def is_analyst(quote: QuoteRef) -> bool:
        return commentator_speaker(quote, inputs, words, masked, words.analysts)

    kept = []
    for candidate in candidates:
        quote = commentary_quote(candidate, inputs.quotes, is_commentator) if inputs.quotes else None
        if quote is not None and (quote.quote_type == "direct" or candidate.modality in UNREALIZED
                                  or (is_history(candidate, inputs, rules) and is_analyst(quote))):
            continue
        parse = inputs.parses.get(candidate.sentence.index) if rules is not None else None
        token = parse.at(candidate.trigger.start, candidate.trigger.end) if parse is not None else None
        if token is not None and forecast_by_commentator(parse, token, rules, words):
            continue
        kept.append(candidate)
    return kept

