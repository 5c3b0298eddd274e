"""Reported speech from word order, where the parse does not read it: mention kind ``reported``.

The parse-based reader (`pipeline.nlp.reported_speech`) finds what a speaker
said without quotation marks only in the sentences the parse gate selects
(``models/parser/gate.csv``: trade stories with an event trigger), because the
parser is slow. This reader gives every other sentence with a reporting cue
the common news forms, read from the words and the rule pipeline's own spans
(``cue``, ``person``, ``official``, ``organization``, ``title``); in a parsed
sentence its findings stand for the cues the parse's reported speech does
not use (a misread sentence: "Holt said raising the tariffs would hurt
carmakers"; the fallback is per cue, so a cue the parse does read in the
same sentence, ", adding that …", leaves the others to the word order; see
`pipeline.nlp.mentions.DocRows`):

- ``complement``: "<speaker> said (that) <clause>", "<speaker> told reporters
  (that) <clause>", "<speaker> said on Tuesday that <clause>", and an -ing
  cue after a comma, whose speaker is the subject opening the sentence: "The
  firm rejected the offer, saying (that) <clause>";
- ``postposed``: "<clause>, <speaker> said." and "<clause>, said <speaker>."
  (the attribution ends the sentence, or is followed by an adjunct: "in a
  statement", ", citing …");
- ``source``: "According to <speaker>, <clause>." and "<clause>, according to
  <speaker>." (or "<clause> according to <speaker>." ending the sentence); a
  source of data ("according to weather forecasts": ``data_source`` nouns of
  ``reported_words.csv``) names no speaker;
- ``headline``: "<clause>: <speaker>", a headline crediting its clause to the
  speaker named after its last colon ("Duties will hurt small exporters: trade
  minister"); read only on the article's first line (`find_headline_report`);
- ``object``: "<speaker> accused <object> of <V-ing> …" (and ", accusing
  <object> of …" after a comma): the -ing phrase after the ``object_link``
  word is the charge the speaker laid; a cue read only so blocks no
  attribution after its clause ("Acme was accused of dumping, the ministry
  said").
- ``description``: "<speaker> called <object> "<words>"": the speaker's own
  quoted words for the object ("Quill called the duties "a tax on
  farmers""); the content runs from the object through the quotation, a
  mixed quote. The object is a few words with no punctuation, preposition or
  clause word, and opens with no pronoun ("called them "lies"" names a label
  more than it reports a claim); the quotation mark follows it directly.

A cue with no subject of its own goes on from the cue before it: a verb joined
by "and"/"but" ("said …, but stressed that …") and an -ing cue after a
postposed attribution (", says Acme, noting that …") take its speaker. A
relative clause may stand between a speaker and its cue ("The official who
helped draft the accord said …").

It refuses what it cannot read safely: questions, sentences opening with a
condition ("If …"), a cue after an infinitive, a modal, a negation or a form
of "be" ("declined to say", "is said to"), an -ing cue that follows no
comma or no plain subject, and a speaker that is not plainly one: a named
person, title or organization, a pronoun, a speaker noun of
``models/quotes/sources.csv`` (or its regular plural) or a run of capitalized
words ending at the cue. Two such speakers joined by "and" both speak ("Jane
Roe and Tom Poe said") when the first opens the sentence or follows a comma.
A clause without "that" follows only the cues of class ``bare_clause``
(``say``, ``tell``, ``warn`` …), after time words and adjuncts ending in a
``time_word`` or an ``adjunct_noun`` ("said in a statement on Monday it would");
the others more often take a noun phrase ("announced tariffs", "added gold to
its reserves", "stressed the importance of") and report a clause only after
"that", or, for a cue of sense ``speech``, when an auxiliary shows the clause
("added there is an option"), or after time words when a subject pronoun and
a ``clause_word`` follow ("announced Sunday it would").

Its findings are `pipeline.nlp.reported_speech.ReportedSpeech` records with
article offsets, written as ``reported`` mentions with rule ids
``reported_words.csv:<pattern>``; the quotes normalizer turns them into quote
rows as it does the parse's. Word lists: ``models/quotes/reported_words.csv``
(hearers, words that open no clause, words of a clause, refusals, conditions,
the cues that take a bare clause),
``words.csv`` (fillers, boundaries, pronouns, "be"), ``sources.csv`` (speaker
nouns); each lemma's patterns come from ``reported.csv``.

The patterns are read here; the speaker's phrase is found by
`pipeline.nlp.reported_word_speakers`, what was said by
`pipeline.nlp.reported_word_contents`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc

from pipeline.names import POSSESSIVE_S_MARKS
from pipeline.nlp.reported_clauses import HEARER_LEMMAS
from pipeline.nlp.reported_speech import OBJECT_PATTERNS, ReportedSpeech, is_data_source
from pipeline.nlp.reported_word_contents import MIN_CONTENT_WORDS, SentenceContents
from pipeline.nlp.reported_word_lists import ArticleSpans, Cue, WordRules, load_word_rules
from pipeline.nlp.reported_word_speakers import BREAKS, MAX_SPEAKER_WORDS, SET_OFF

RULE_PREFIX = "reported_words.csv"

__all__ = ["RULE_PREFIX", "ArticleSpans", "WordRules", "find_headline_report", "find_word_reports", "load_word_rules"]

# The lemma a headline's colon attribution is recorded with: it stands for "says".
HEADLINE_LEMMA = "say"
# A headline's clause holds at least this many lower-case words: a line in title case before a colon is a
# label or a series name ("Global Equities Roundup: Market Talk", "Earnings Overview: Acme"), not a claim.
MIN_HEADLINE_LOWER_WORDS = 2
# A headline's clause before a postposed ", says X" holds at least this many words (a body sentence needs one
# more, `MIN_CONTENT_WORDS` + 1): headlines drop articles and keep short claims whole.
MIN_HEADLINE_POSTPOSED_WORDS = MIN_CONTENT_WORDS


def find_word_reports(doc: Doc, first: int, end: int, spans: ArticleSpans,
                      rules: WordRules, *, headline: bool = False) -> Iterator[ReportedSpeech]:
    """Every report of speech the words of the sentence ``doc[first:end]`` show (see the module docstring).

    Offsets of the records are the article's (``doc``'s) character offsets. ``headline`` marks the article's
    first line, whose postposed attribution may credit a shorter clause (`MIN_HEADLINE_POSTPOSED_WORDS`).
    """
    cues = spans.cues_in(first, end)
    if not cues:
        return
    reader = _Sentence(doc, first, end, spans, rules)
    reader.headline_line = headline
    if reader.refused():
        return
    for cue in cues:
        found = reader.read(cue)
        if found is not None:
            yield from reader.conjoined(found)



def find_headline_report(doc: Doc, first: int, end: int, spans: ArticleSpans,
                         rules: WordRules) -> ReportedSpeech | None:
    """The report of a headline ``doc[first:end]`` that credits its clause to the speaker after its last colon
    ("Rate cuts may come sooner than thought: central bank chief Dana Quill"), or None.

    The speaker is a tagged name, title or organization, or a speaker noun ("Experts"), ending the line; the
    clause before the colon is written in sentence case, shows a verb and holds no cue of its own ("…, says
    Acme, …: Reporter" is left to that cue) nor a quotation mark (a quoted clause is a quotation, read by
    the quotation rules). The colon stands as the cue.
    """
    reader = _Sentence(doc, first, end, spans, rules)
    if reader.refused():
        return None
    return reader.headline()


class _Sentence(SentenceContents):
    """One sentence's words and the patterns read over them."""

    # True for the article's first line (set by `find_word_reports`).
    headline_line: bool = False

    def refused(self) -> bool:
        """A question, or a sentence that opens with a condition."""
        doc = self.doc
        if self.last < self.first:
            return True
        end = doc[self.last + 1].idx + 1 if self.last + 1 < len(doc) else len(self.spans.text)
        if "?" in self.spans.text[doc[self.first].idx:end]:
            return True
        opening = next((t for t in doc[self.first:self.last + 1] if t.is_alpha), None)
        return opening is None or opening.lower_ in self.rules.conditional

    def read(self, cue: Cue) -> ReportedSpeech | None:
        allowed = self.rules.patterns[cue.lemma]
        if "source" in allowed:
            return self._source(cue)
        if "object" in allowed:
            return self._object(cue)
        if "description" in allowed:
            return self._description(cue)
        word = self.doc[cue.start]
        if word.lower_.endswith("ing"):
            return self._participle(cue) if "complement" in allowed else None
        if self._refused_before(cue.start):
            return None
        found = self._complement(cue) if "complement" in allowed else None
        if found is None and "postposed" in allowed:
            found = self._postposed(cue)
        return found

    def conjoined(self, found: ReportedSpeech) -> list[ReportedSpeech]:
        """A ``complement`` cut where a second "that" clause joins the first ("said A, and that B", "said that
        A but that B"): each clause is a report of its own with the cue's speaker, as the parse reader gives
        them (`pipeline.nlp.reported_clauses.conjoined_clauses`). The "that" must follow a ``cue_joiner``
        (after an optional comma) and open a clause; any other "that" leaves the content whole."""
        if found.pattern != "complement":
            return [found]
        doc = self.doc
        words = doc.char_span(found.start, found.end, alignment_mode="expand")
        if words is None:
            return [found]
        parts: list[ReportedSpeech] = []
        start = words.start
        for token in words[1:]:
            joiner = doc[token.i - 1]
            if token.lower_ != "that" or joiner.lower_ not in self.rules.cue_joiners \
                    or not self._opens_clause(token.i + 1, after_that=True):
                continue
            end = joiner.i - 1
            while end > start and doc[end].is_punct:
                end -= 1
            if end - start + 1 < MIN_CONTENT_WORDS:
                continue
            parts.append(replace(found, start=doc[start].idx, end=doc[end].idx + len(doc[end])))
            start = token.i + 1
        if not parts:
            return [found]
        parts.append(replace(found, start=doc[start].idx))
        return parts

    # -- the patterns --------------------------------------------------------------------------------------

    def headline(self) -> ReportedSpeech | None:
        """"<clause>: <speaker>" (see `find_headline_report`)."""
        doc, rules = self.doc, self.rules
        colon = next((t.i for t in reversed(doc[self.first:self.last + 1]) if t.text == ":"), None)
        if colon is None or colon <= self.first or not 0 < self.last - colon <= MAX_SPEAKER_WORDS // 2:
            return None
        speaker = (colon + 1, self.last)
        if any(t.is_punct and t.text != "." for t in doc[colon + 1:self.last + 1]) \
                or not (self._named_ends(self.last) or self._speaker_noun(doc[self.last])):
            return None  # "…: What to know", "…: Trump on the summit"
        clause = doc[self.first:colon]
        if sum(t.is_lower and t.is_alpha for t in clause) < MIN_HEADLINE_LOWER_WORDS \
                or any(t.is_quote or t.text in ('"', "“", "”", "‘", "’") for t in clause) \
                or self.spans.cues_in(self.first, colon):
            return None
        return self._record(Cue(colon, colon + 1, HEADLINE_LEMMA, "speech"), "headline", self.first, colon - 1,
                            speaker, verb=True)

    def _complement(self, cue: Cue) -> ReportedSpeech | None:
        speaker = self._speaker_before(cue.start)
        if speaker is None:
            speaker = self._conjoined_speaker(cue)
        if speaker is None:
            return None
        opening = self._content_start(cue)
        return None if opening is None else self._clause_record(cue, opening, speaker)

    def _participle(self, cue: Cue) -> ReportedSpeech | None:
        """"<speaker> <verb> …, saying (that) <clause>": an -ing cue after a comma reports what the subject
        that opens the sentence said."""
        comma = cue.start - 1
        if comma > self.first and self.doc[comma].text != ",":
            return self._absolute(cue)
        if comma <= self.first:
            return None
        # "…, says Acme, noting that …", "“They're dominant,” he said, adding …": the attribution's speaker
        speaker = self._attribution_before(cue, comma)
        if speaker is None and any(t.is_quote for t in self.doc[self.first:comma]):
            return None  # a quotation's subject is no speaker of the cue
        if speaker is None:
            speaker = self._opening_subject(comma)
        opening = self._content_start(cue) if speaker is not None else None
        return None if opening is None else self._clause_record(cue, opening, speaker)

    def _object(self, cue: Cue) -> ReportedSpeech | None:
        """"<speaker> accused <object> of <V-ing> …": what the speaker charged the object with, from the -ing
        verb after the ``object_link``; an -ing cue after a comma ("…, accusing Acme of …") speaks for the
        sentence's subject as a participle cue does."""
        link = self._object_link(cue.end)
        if link is None:
            return None
        if self.doc[cue.start].lower_.endswith("ing"):
            comma = cue.start - 1
            if comma <= self.first or self.doc[comma].text != ",":
                return None
            speaker = self._attribution_before(cue, comma) or self._opening_subject(comma)
        elif self._refused_before(cue.start):
            return None
        else:
            speaker = self._speaker_before(cue.start) or self._conjoined_speaker(cue)
        if speaker is None:
            return None
        return self._record(cue, "object", link + 1, self._clause_end(link + 1), speaker)

    def _description(self, cue: Cue) -> ReportedSpeech | None:
        """"<speaker> called <object> "<words>"": the object and the speaker's quoted words for it, through the
        closing mark (and on to the clause's end when it goes on: "called the duties "unfair" and said …")."""
        if self._refused_before(cue.start):
            return None
        speaker = self._speaker_before(cue.start) or self._conjoined_speaker(cue)
        mark = self._quote_after_object(cue.end)
        if speaker is None or mark is None or any(
                t.lower_ in self.rules.fronted_objects for t in self.doc[max(speaker[0] - 1, self.first):cue.start]):
            return None  # "what officials called a “melt and pour” standard": the object stands before
        return self._record(cue, "description", cue.end, self._clause_end(mark + 1), speaker)

    def _quote_after_object(self, start: int) -> int | None:
        """The opening quotation mark right after a short object that opens at ``start`` ("the duties",
        "Acme's offer"), or None: punctuation, a preposition, a clause word or a cue first ("called for …",
        "called on …", "called it …"), or a pronoun opening the object."""
        doc, rules = self.doc, self.rules
        if start > self.last or doc[start].lower_ in rules.pronouns:
            return None
        for index in range(start, min(start + MAX_SPEAKER_WORDS + 1, self.last + 1)):
            token = doc[index]
            if token.is_quote or token.text in rules.quote_marks:
                return index if index > start else None
            if self._ends_object(index):
                return None
        return None

    def _ends_object(self, index: int) -> bool:
        """True when the word at ``index`` cannot stand inside a short object: punctuation or a clause word
        (not a possessive "'s": "Acme's offer", "accused Lane's husband of"), a preposition or a cue."""
        token, rules = self.doc[index], self.rules
        possessive = token.lower_ in POSSESSIVE_S_MARKS
        return token.is_punct and not possessive or token.lower_ in rules.clause_words and not possessive \
            or token.lower_ in rules.prepositions or bool(self.spans.cues_in(index, index + 1))

    def _object_link(self, start: int) -> int | None:
        """The ``object_link`` word ("of") after a short object that opens at ``start`` ("Acme", "the
        union", "Lane's wife"), when a lower-case -ing word follows it, in quotation marks or not; None when
        punctuation, a clause word or another preposition comes first ("accused of fraud" has no object: a
        passive, no report)."""
        doc, rules = self.doc, self.rules
        for index in range(start, min(start + MAX_SPEAKER_WORDS + 1, self.last)):
            token = doc[index]
            if token.lower_ in rules.object_links:
                following = doc[index + 1]
                # the charge may be quoted: "accused Acme of “dumping” steel"
                if (following.is_quote or following.text in rules.quote_marks) and index + 2 <= self.last:
                    following = doc[index + 2]
                if index == start or not (following.is_lower and following.lower_.endswith("ing")):
                    return None
                return index
            if self._ends_object(index):
                return None
        return None

    def _absolute(self, cue: Cue) -> ReportedSpeech | None:
        """"…, with <speaker> saying (that) <clause>": in an absolute construction the noun phrase between the
        preposition (``absolute_opener``) and the -ing cue is the one speaking."""
        last = cue.start - 1
        start = self._phrase_start(last)
        if start is None or start - 1 < self.first or self.doc[start - 1].lower_ not in self.rules.absolute_openers \
                or not self._plain_speaker(start, last):
            return None
        opening = self._content_start(cue)
        return None if opening is None else self._clause_record(cue, opening, (start, last))

    def _clause_record(self, cue: Cue, opening: int, speaker: tuple[int, int]) -> ReportedSpeech | None:
        """The ``complement`` record of the clause that opens at ``opening``: after "that" the clause is plain;
        a bare one must show a verb ("said Monday" is no report)."""
        bare = self.doc[opening - 1].lower_ != "that"
        return self._record(cue, "complement", opening, self._clause_end(opening), speaker, verb=bare)

    def _postposed(self, cue: Cue) -> ReportedSpeech | None:
        doc = self.doc
        speaker = self._speaker_before(cue.start)
        if speaker is not None:
            comma = speaker[0] - 1
            after = cue.end
        elif cue.start - 1 > self.first and doc[cue.start - 1].text in SET_OFF:
            comma = cue.start - 1
            speaker = self._speaker_after(cue.end)
            after = speaker[1] + 1 if speaker else cue.end
        else:
            return None
        if speaker is None or comma <= self.first or doc[comma].text not in SET_OFF:
            return None
        if any(not self.rules.patterns[other.lemma] <= OBJECT_PATTERNS
               for other in self.spans.cues_in(self.first, comma)):
            return None  # the clause has an attribution of its own ("…, according to a survey, says Acme")
        # (a cue read only with an object, "accused", attributes no clause: "Acme was accused of dumping, the
        # ministry said" is the ministry's)
        if cue.lemma in HEARER_LEMMAS:  # "…, the minister told reporters.", "…, Dana Quill told WXRT."
            hearer = self._hearer_end(after)
            if hearer is None:
                hearer = self._capitalized_run_end(after)
            after = after if hearer is None else hearer + 1
        if not self._attribution_tail(after):
            return None
        found = self._record(cue, "postposed", self.first, comma - 1, speaker, min_words=MIN_CONTENT_WORDS + 1)
        if found is None and self.headline_line:
            # A headline is terse: "Deal is off, says minister" is a claim of three words; so short a clause
            # must show a verb ("Tariffs on steel, says Acme" names a topic, not a statement).
            found = self._record(cue, "postposed", self.first, comma - 1, speaker,
                                 min_words=MIN_HEADLINE_POSTPOSED_WORDS, verb=True)
        return found

    def _capitalized_run_end(self, start: int) -> int | None:
        """The last of the capitalized words right after a postposed "told" (a broadcaster or paper the lists
        do not tag: "told WXRT"), or None when a lower-case word comes first."""
        doc = self.doc
        last = None
        for index in range(start, min(start + MAX_SPEAKER_WORDS // 2, self.last + 1)):
            if doc[index].is_punct or not doc[index].text[:1].isupper():
                break
            last = index
        return last

    def _source(self, cue: Cue) -> ReportedSpeech | None:
        doc = self.doc
        comma = next((t.i for t in doc[cue.end:self.last + 1] if t.text in BREAKS), self.last + 1)
        speaker = (cue.end, comma - 1)
        if not cue.end <= comma - 1 < cue.end + MAX_SPEAKER_WORDS or not self._names_someone(*speaker) \
                or is_data_source([t.text for t in doc[speaker[0]:speaker[1] + 1]], self.rules.data_sources):
            return None
        if cue.start == self._first_word():  # "According to the ministry, exports fell"
            if comma > self.last or doc[comma].text != ",":
                return None
            return self._record(cue, "source", comma + 1, self._clause_end(comma + 1), speaker)
        before = cue.start - 1
        if before <= self.first:
            return None
        if doc[before].text != ",":
            # "… rose 4% according to the ministry": without a comma the source must end the sentence, after a
            # clause ("sorted according to the ministry's list of …" names no clause before it)
            if comma <= self.last or doc[before].is_punct:
                return None
            return self._record(cue, "source", self.first, before, speaker, min_words=MIN_CONTENT_WORDS + 1,
                                verb=True)
        # "…, according to Smith, an analyst at Acme.": what follows the source names it, and holds no clause
        if any(t.lower_ in self.rules.clause_words or t.lower_ == "that" for t in doc[comma:self.last + 1]):
            return None
        return self._record(cue, "source", self.first, before - 1, speaker, min_words=MIN_CONTENT_WORDS + 1)
