"""Reported speech from word order, where the parse does not read it: mention kind ``reported``.

The parse-based reader (`pipeline.nlp.reported_speech`) finds what a speaker
said without quotation marks only in the sentences the parse gate selects
(``models/parser/gate.csv``: trade stories with an event trigger), because the
parser is slow. This reader gives every other sentence with a reporting cue
the common news forms, read from the words and the rule pipeline's own spans
(``cue``, ``person``, ``official``, ``organization``, ``title``); in a parsed
sentence its findings stand only when the parse reports nothing there (a
misread sentence: "Holt said raising the tariffs would hurt carmakers"; see
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
  ``reported_words.csv``) names no speaker.

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
("added there is an option").

Its findings are `pipeline.nlp.reported_speech.ReportedSpeech` records with
article offsets, written as ``reported`` mentions with rule ids
``reported_words.csv:<pattern>``; the quotes normalizer turns them into quote
rows as it does the parse's. Word lists: ``models/quotes/reported_words.csv``
(hearers, words that open no clause, words of a clause, refusals, conditions,
the cues that take a bare clause),
``words.csv`` (fillers, boundaries, pronouns, "be"), ``sources.csv`` (speaker
nouns); each lemma's patterns come from ``reported.csv``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from pipeline.nlp.reported_clauses import RELATIVE_PRONOUNS
from pipeline.nlp.reported_speech import ReportedSpeech, is_data_source
from pipeline.nlp.reported_word_lists import ArticleSpans, Cue, WordRules, load_word_rules

RULE_PREFIX = "reported_words.csv"
# A speaker's phrase longer than this many words is a clause, not a name and its title.
MAX_SPEAKER_WORDS = 8
# Words of an adjunct's phrase after its preposition ("said in a written statement").
MAX_ADJUNCT_WORDS = 4
# Words of a relative clause between a speaker and its cue ("The official who helped draft the accord said").
MAX_RELATIVE_WORDS = 12
# Words between a cue and its "that" ("said in a statement on Tuesday that").
MAX_THAT_GAP = 6
# Lower-case words that may describe a name before it ("U.S. automobile manufacturer Chrysler said").
MAX_DESCRIPTION_WORDS = 3
# Words of a hearer's phrase after "told" ("told a news conference").
MAX_HEARER_WORDS = 4
# A content shorter than this many words is not a report ("he said so", "it added more").
MIN_CONTENT_WORDS = 3
# Marks that end a speaker's phrase or a reported clause.
# (a full stop alone is a sentence's end the splitter missed: "… prior pact. dealers said …")
_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "--", '"', "“", "”", "``", "''", "'", ".", "!", "?"})
_CLAUSE_ENDS = frozenset({";", "—", "–", "--", "(", ":"})
_DASHES = frozenset({"—", "–", "--"})
# Marks that set an attribution off from the clause it follows ("…, the minister said", "… — said Smith").
_SET_OFF = frozenset({",", *_DASHES})
# Words that join a speaker noun to the firm it speaks for ("a spokesman for Toyota", "executives from Acme").
_OF_FIRM = frozenset({"for", "at", "of", "from"})
# Words that join a second reporting verb to the first one's subject ("said …, but stressed that …").
_JOINERS = frozenset({"and", "but"})


def _capitalized(token: Token) -> bool:
    """True for a word that opens with a capital and holds letters ("Chrysler", "U.S.", "LLC")."""
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


__all__ = ["RULE_PREFIX", "ArticleSpans", "WordRules", "find_word_reports", "load_word_rules"]


def find_word_reports(doc: Doc, first: int, end: int, spans: ArticleSpans,
                      rules: WordRules) -> Iterator[ReportedSpeech]:
    """Every report of speech the words of the sentence ``doc[first:end]`` show (see the module docstring).

    Offsets of the records are the article's (``doc``'s) character offsets.
    """
    cues = spans.cues_in(first, end)
    if not cues:
        return
    reader = _Sentence(doc, first, end, spans, rules)
    if reader.refused():
        return
    for cue in cues:
        found = reader.read(cue)
        if found is not None:
            yield found


class _Sentence:
    """One sentence's words and the patterns read over them."""

    def __init__(self, doc: Doc, first: int, end: int, spans: ArticleSpans, rules: WordRules) -> None:
        self.doc, self.first, self.spans, self.rules = doc, first, spans, rules
        last = end - 1
        while last >= first and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        self.last = last  # the sentence's last word

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
        word = self.doc[cue.start]
        if word.lower_.endswith("ing"):
            return self._participle(cue) if "complement" in allowed else None
        if self._refused_before(cue.start):
            return None
        found = self._complement(cue) if "complement" in allowed else None
        if found is None and "postposed" in allowed:
            found = self._postposed(cue)
        return found

    # -- the patterns --------------------------------------------------------------------------------------

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
        elif cue.start - 1 > self.first and doc[cue.start - 1].text in _SET_OFF:
            comma = cue.start - 1
            speaker = self._speaker_after(cue.end)
            after = speaker[1] + 1 if speaker else cue.end
        else:
            return None
        if speaker is None or comma <= self.first or doc[comma].text not in _SET_OFF:
            return None
        if self.spans.cues_in(self.first, comma):
            return None  # the clause has an attribution of its own ("…, according to a survey, says Acme")
        if cue.lemma == "tell":  # "…, the minister told reporters."
            hearer = self._hearer_end(after)
            after = after if hearer is None else hearer + 1
        if not self._attribution_tail(after):
            return None
        return self._record(cue, "postposed", self.first, comma - 1, speaker, min_words=MIN_CONTENT_WORDS + 1)

    def _source(self, cue: Cue) -> ReportedSpeech | None:
        doc = self.doc
        comma = next((t.i for t in doc[cue.end:self.last + 1] if t.text in _BREAKS), self.last + 1)
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

    # -- speakers ------------------------------------------------------------------------------------------

    def _previous_cue(self, cue: Cue) -> Cue | None:
        """The sentence's cue before ``cue``, if any."""
        earlier = self.spans.cues_in(self.first, cue.start)
        return earlier[-1] if earlier else None

    def _conjoined_speaker(self, cue: Cue) -> tuple[int, int] | None:
        """The speaker of a cue joined by "and"/"but" to the cue before it, with no subject of its own ("Lane
        said he would wait, but stressed that …"): the earlier cue's speaker before it."""
        index = cue.start - 1
        while index > self.first and self.doc[index].lower_ in self.rules.fillers:
            index -= 1  # "but also stressed"
        previous = self._previous_cue(cue)
        if index <= self.first or self.doc[index].lower_ not in _JOINERS or previous is None \
                or "source" in self.rules.patterns[previous.lemma]:
            return None
        return self._speaker_before(previous.start)

    def _attribution_before(self, cue: Cue, comma: int) -> tuple[int, int] | None:
        """The speaker of an attribution that ends at ``comma``, before an -ing cue that goes on from it
        ("…, says Acme, noting that …", "…, Acme said, noting that …")."""
        previous = self._previous_cue(cue)
        if previous is None or "postposed" not in self.rules.patterns[previous.lemma] or previous.end > comma:
            return None
        if previous.end == comma:  # ", Acme said, noting"
            before = self._speaker_before(previous.start)
            # (after a quotation the comma stands inside its marks: "“…,” a spokeswoman said, adding")
            return before if before is not None and before[0] - 1 > self.first \
                and (self.doc[before[0] - 1].text in _SET_OFF or self.doc[before[0] - 1].is_quote) else None
        if previous.start - 1 <= self.first or self.doc[previous.start - 1].text not in _SET_OFF:
            return None
        after = self._speaker_after(previous.end)  # ", says Acme, noting"
        return after if after is not None and after[1] == comma - 1 else None

    def _refused_before(self, cue_start: int) -> bool:
        """True when a refusal, a modal, an infinitive or a form of "be" stands before the cue (fillers aside)."""
        index = cue_start - 1
        while index >= self.first:
            lower = self.doc[index].lower_
            if lower in self.rules.hypothetical or lower in self.rules.be:
                return True
            if lower not in self.rules.fillers:
                return False
            index -= 1
        return False

    def _speaker_before(self, cue_start: int) -> tuple[int, int] | None:
        """The speaker's phrase right before the cue (fillers skipped), when it plainly names one."""
        doc, rules = self.doc, self.rules
        last = cue_start - 1
        while last >= self.first and doc[last].lower_ in rules.fillers and not self._named_ends(last):
            last -= 1
        # ", however," / ", meanwhile,": a filler set off by commas
        if last - 2 >= self.first and doc[last].text == "," == doc[last - 2].text \
                and doc[last - 1].lower_ in rules.fillers:
            last -= 3
        if last >= self.first and doc[last].text == ",":
            return self._set_off_speaker(last)
        if last > self.first and doc[last].text == ")":  # "General Motors (GM) said": the name before its short form
            opening = next((t.i for t in reversed(doc[max(self.first, last - 4):last]) if t.text == "("), None)
            if opening is None or opening - 1 < self.first or not self._plain_speaker(opening + 1, last - 1):
                return None
            found = self._speaker_before(opening)
            return None if found is None else (found[0], last)
        if last < self.first or doc[last].is_punct:
            return None
        relative = self._relative_speaker(last)
        if relative is not None:
            return relative
        start = self._phrase_start(last)
        if start is None:
            return None
        partner = self._partner_start(start, last)
        if partner is not None:
            return partner, last
        if start - 1 >= self.first and doc[start - 1].lower_ in rules.conditional:
            return None  # "if the ministry says …"
        # "a spokesman for Toyota", "an analyst at Acme": the speaker noun before the firm opens the phrase
        while start - 2 >= self.first and doc[start - 1].lower_ in _OF_FIRM and self._speaker_noun(doc[start - 2]) \
                and last - start < MAX_SPEAKER_WORDS:
            start -= 2
            while start - 1 >= self.first and (doc[start - 1].lower_ in rules.determiners or doc[start - 1].is_title
                                               and not doc[start - 1].is_punct):
                start -= 1
        if start - 1 >= self.first and doc[start - 1].lower_ in rules.prepositions:
            return None  # "asked about industry reports that …", "under Smith also stressed": an object, no subject
        return (start, last) if self._plain_speaker(start, last) else None

    def _relative_speaker(self, last: int) -> tuple[int, int] | None:
        """The speaker before a relative clause on it that ends at the cue ("The official who helped draft
        the accord said …"): the phrase before "who", when it plainly names a speaker and the clause holds a
        verb; None when no such clause ends at ``last`` (a break comes first)."""
        doc = self.doc
        for index in range(last, max(self.first, last - MAX_RELATIVE_WORDS) - 1, -1):
            if doc[index].text in _BREAKS or doc[index].is_space:
                return None
            if doc[index].lower_ != "who":
                continue
            if index == last or index - 1 < self.first \
                    or not any(_verb_like(t, self.rules.clause_words) for t in doc[index + 1:last + 1]):
                return None
            start = self._phrase_start(index - 1)
            return (start, index - 1) if start is not None and self._plain_speaker(start, index - 1) else None
        return None

    def _phrase_start(self, last: int) -> int | None:
        """The first word of the phrase ending at ``last``, back to a break or a boundary word; None past
        `MAX_SPEAKER_WORDS`."""
        doc, rules = self.doc, self.rules
        start = last
        while start - 1 >= self.first and doc[start - 1].text not in _BREAKS and not doc[start - 1].is_space \
                and (doc[start - 1].lower_ not in rules.boundaries or self._inside_named(start - 1)):
            start -= 1
            if last - start >= MAX_SPEAKER_WORDS:
                return None
        return start

    def _partner_start(self, start: int, last: int) -> int | None:
        """Where the first of two speakers joined by "and" opens ("Jane Roe and Tom Poe said", "Analysts and
        traders say"), when both plainly name a speaker and the first opens the sentence or follows a comma;
        else None (the phrase ``start..last`` speaks alone)."""
        doc = self.doc
        joint = start - 1
        if joint - 1 < self.first or doc[joint].lower_ != "and" or not self._plain_speaker(start, last):
            return None
        partner = self._phrase_start(joint - 1)
        if partner is None or partner >= joint or not self._plain_speaker(partner, joint - 1):
            return None
        return partner if partner == self._first_word() or doc[partner - 1].text == "," else None

    def _opening_subject(self, limit: int) -> tuple[int, int] | None:
        """The subject that opens the sentence, before ``limit``, when a verb follows it: a name, title or
        organization, a pronoun, or words ending in a speaker noun ("The company", "Officials")."""
        doc, rules = self.doc, self.rules
        start = self._first_word()
        index = start
        while index < limit and doc[index].lower_ in rules.determiners:
            index += 1
        if index >= limit:
            return None
        last = self.spans.named_by_start.get(start, self.spans.named_by_start.get(index))
        if last is None and index == start and doc[index].lower_ in rules.pronouns:
            last = index
        if last is None:
            last = next((t.i for t in doc[index:min(limit, index + MAX_SPEAKER_WORDS)]
                         if t.is_punct or self._speaker_noun(t)), None)
            if last is None or doc[last].is_punct:
                return None
        verb = last + 1
        while verb < limit and doc[verb].lower_ in rules.fillers:
            verb += 1
        if verb >= limit or not (_verb_like(doc[verb], rules.clause_words) or self.spans.cues_in(verb, verb + 1)):
            return None  # "said" is a verb too: "Acme said …, adding that …"
        return (start, last) if self._plain_speaker(start, last) else None

    def _speaker_after(self, first: int) -> tuple[int, int] | None:
        """The speaker right after a cue that follows its clause (", said Smith", ", says the ministry")."""
        doc, rules = self.doc, self.rules
        last = first
        if first > self.last:
            return None
        named_end = self.spans.named_by_start.get(first)
        if named_end is not None:
            last = named_end
        while last + 1 <= self.last and not doc[last + 1].is_punct and doc[last + 1].lower_ not in rules.boundaries \
                and doc[last + 1].lower_ not in rules.fillers and last + 1 - first < MAX_SPEAKER_WORDS:
            last += 1
        return (first, last) if self._plain_speaker(first, last) else None

    def _set_off_speaker(self, comma: int) -> tuple[int, int] | None:
        """The speaker named before a description set off by commas right before the cue ("Jim Press, the
        vice chairman of Acme, said"): from the name to the description's end, when the description holds no
        clause ("Acme, which has …, said" is left alone)."""
        doc, rules = self.doc, self.rules
        opening = next((t.i for t in reversed(doc[max(self.first, comma - MAX_SPEAKER_WORDS - 1):comma])
                        if t.text in _BREAKS), None)
        if opening is None or opening - 1 < self.first or doc[opening].text != "," \
                or any(t.lower_ in rules.clause_words or t.lower_ in rules.boundaries and t.lower_ not in _OF_FIRM
                       or t.lower_ in RELATIVE_PRONOUNS for t in doc[opening + 1:comma]):
            return None
        name_start = self.spans.named_by_end.get(opening - 1)
        if name_start is not None and any(t.i in self.spans.named_tokens or self._speaker_noun(t)
                                          for t in doc[opening + 1:comma]):
            return name_start, comma - 1
        # "The Irish airline, Ryanair, announced": a description from the sentence's start, then the name
        if self._plain_speaker(opening + 1, comma - 1) and opening - self.first <= MAX_SPEAKER_WORDS and not any(
                t.lower_ in rules.clause_words or t.lower_ in rules.boundaries or t.is_punct
                for t in doc[self.first:opening]):
            return self.first, comma - 1
        return None

    def _speaker_noun(self, token: Token) -> bool:
        return self.rules.is_speaker_noun(token.lower_)

    def _plain_speaker(self, start: int, last: int) -> bool:
        """True when the words name a speaker plainly: a name, title or organization ending the phrase,
        a pronoun alone, a speaker noun ("the ministry", "analysts"), or capitalized words only."""
        doc, rules = self.doc, self.rules
        head = doc[last]
        if self._named_ends(last):
            return True
        if head.lower_ in rules.self_words:
            return False  # "I said", "we told": the reporter's or a quoted voice, naming no one
        if start == last and head.lower_ in rules.pronouns:
            return True
        if self._speaker_noun(head):
            if head.is_lower or start == last or head.is_title:
                return True
            if head.lower_ in rules.speaker_nouns:
                return False
            # a plural in capitals ("MASCO INDUSTRIES") is read as the capitalized words below
        # a name the rules did not tag ("Boeing", "the White House"): capitalized words after a determiner
        words = [t for t in doc[start:last + 1] if t.lower_ not in rules.determiners]
        if bool(words) and all(_capitalized(t) and t.is_alpha for t in words) and len(words) <= 4:
            return True
        return self._described_name(words)

    def _described_name(self, words: Sequence[Token]) -> bool:
        """True for a name after a few words that describe it ("American automobile manufacturer Chrysler
        LLC", "U.S. automaker Chrysler"): capitalized words end the phrase, and the words before them are
        plain nouns and adjectives, no preposition ("shares of Acme"), verb, pronoun or filler."""
        rules = self.rules
        name = len(words)
        while name > 0 and _capitalized(words[name - 1]):
            name -= 1
        if name == len(words) or len(words) - name > 4:
            return False
        described = words[:name]
        lower = [t for t in described if not _capitalized(t)]
        # (no word of the description, capitalized or not, is a preposition: "Shares of Acme")
        return 0 < len(lower) <= MAX_DESCRIPTION_WORDS and all(
            t.is_alpha and t.lower_ not in rules.clause_words and t.lower_ not in rules.pronouns
            and t.lower_ not in rules.fillers and t.lower_ not in rules.boundaries
            and not t.lower_.endswith(("ed", "ing")) for t in lower) and all(
            t.lower_ not in rules.prepositions for t in described)

    def _names_someone(self, start: int, last: int) -> bool:
        """True when a source's words hold a name, a title, an organization, a speaker noun or a capital."""
        return any(self._named_ends(i) or self._speaker_noun(self.doc[i]) or self.doc[i].text[:1].isupper()
                   for i in range(start, last + 1))

    def _named_ends(self, index: int) -> bool:
        return index in self.spans.named_by_end

    def _inside_named(self, index: int) -> bool:
        return index in self.spans.named_tokens

    # -- contents ------------------------------------------------------------------------------------------

    def _content_start(self, cue: Cue) -> int | None:
        """The first word of what was said after the cue: after "that", after the hearer of "told", or right
        after a cue that always reports speech when that word can open a clause."""
        doc, rules = self.doc, self.rules
        start = cue.end
        if cue.lemma == "tell":
            hearer = self._hearer_end(start)
            if hearer is None:  # a hearer the lists do not name: "told the Yicai outlet in a note that"
                return self._that_after(start, after_hearer=True)
            start = hearer + 1
        if start > self.last:
            return None
        if doc[start].lower_ == "that":
            return start + 1 if self._opens_clause(start + 1, after_that=True) else None
        that = self._that_after(start)
        if that is not None:
            return that
        if cue.lemma not in rules.bare_clause and (cue.sense != "speech" or cue.lemma == "tell"):
            return None  # "announced tariffs": only "announced that …" reports a clause
        if cue.lemma not in rules.bare_clause:
            # "added gold to its reserves", "stressed the importance of": a noun phrase, unless an auxiliary or
            # a past tense shows a clause ("added there is an option", "explained the default would …")
            # ("'s" may be a possessive: "emphasized the firm's strategy")
            if not any(t.lower_ in rules.clause_words and t.lower_[:1] not in "'’"
                       for t in doc[start:self._clause_end(start) + 1]):
                return None
        else:
            after = self._past_adjuncts(start)
            if after is None or after > self.last:
                return None
            if doc[after].lower_ == "that":  # "said last year that …"
                return after + 1 if self._opens_clause(after + 1, after_that=True) else None
            if after > start and doc[after].is_lower and doc[after].lower_.endswith("ing"):
                return None  # "said in a statement following the meeting that …": no clause opens here
            start = after
        # a number right after the verb is more often its object ("the industry added 34,000 jobs"), unless a
        # hyphen makes it a modifier ("said fourth-quarter income fell")
        number = doc[start].like_num and not (start + 1 <= self.last and doc[start + 1].text == "-")
        return start if self._opens_clause(start) and not number else None

    def _past_adjuncts(self, start: int) -> int | None:
        """The first word after the adjuncts that follow a cue ("said on Tuesday", "said in a statement on
        Monday"): each a time word, or a preposition whose phrase ends, a few words on, in a time word or an
        ``adjunct_noun`` (``statement``, ``interview``); ``start`` itself when none follows; None when a
        preposition's phrase ends in no such word ("said in a speech to the nation's farmers")."""
        doc, rules = self.doc, self.rules
        index = self._past_times(start)
        while index <= self.last and doc[index].lower_ in rules.prepositions:
            end = next((t.i for t in doc[index + 1:min(index + MAX_ADJUNCT_WORDS + 1, self.last + 1)]
                        if t.lower_ in rules.adjunct_nouns or t.lower_ in rules.time_words), None)
            if end is None or any(t.is_punct or t.lower_ in rules.prepositions for t in doc[index + 1:end]):
                return None
            index = self._past_times(end + 1)
        return index

    def _past_times(self, index: int) -> int:
        """The first word from ``index`` on that is no time word ("today", "this week") nor a manner adverb of
        the fillers ("says bluntly the days of … must end")."""
        doc, rules = self.doc, self.rules
        while index <= self.last:
            lower = doc[index].lower_
            if lower in rules.time_words or lower in rules.fillers and lower.endswith("ly"):
                index += 1
            elif doc[index].lower_ in rules.period_openers and index + 1 <= self.last \
                    and doc[index + 1].lower_ in rules.time_words:
                index += 2
            else:
                break
        return index

    def _hearer_end(self, start: int) -> int | None:
        """The last word of the hearer after "told" (a pronoun, a name, or words ending in a hearer noun)."""
        doc, rules = self.doc, self.rules
        for index in range(start, min(start + MAX_HEARER_WORDS, self.last + 1)):
            token = doc[index]
            if token.is_punct:
                return None
            named_end = self.spans.named_by_start.get(index)
            if named_end is not None and all(t.lower_ in rules.determiners for t in doc[start:index]):
                return named_end
            if token.lower_ in rules.hearers and not token.is_upper:
                return index
        return None

    def _that_after(self, start: int, *, after_hearer: bool = False) -> int | None:
        """The word after a "that" a few verbless words on ("said on Tuesday that"), when it opens a clause."""
        doc, rules = self.doc, self.rules
        opening = doc[start] if start <= self.last else None
        # the words before "that" are an adjunct ("on Tuesday", "today", "in a statement") or a hearer
        # ("told Yicai"); a noun after the cue makes it a noun itself ("a state appeals court upheld … that")
        if opening is None or not (after_hearer or opening.lower_ in rules.prepositions
                                   or opening.lower_ in rules.fillers or opening.text[:1].isupper()
                                   or opening.lower_ in ("that", ",")):
            return None
        for index in range(start, min(start + MAX_THAT_GAP + 1, self.last)):
            token = doc[index]
            if token.lower_ == "that":
                return index + 1 if self._opens_clause(index + 1, after_that=True) else None
            # a verb on the way ("a state appeals court upheld a judgment that …"): the "that" is its clause's
            # (or a participle after a comma: ", noting that …" is the participle's clause, not the cue's; "told
            # the meeting that …" and "told the panel, according to a statement, that …" are the cue's)
            if token.lower_ in rules.clause_words or (token.is_punct and token.text != ",") or (
                    token.is_lower and len(token) > 3 and token.text.endswith("ed")) or (
                    token.is_lower and token.text.endswith("ing") and doc[index - 1].text == ","
                    and not self._source_cue_at(index)):
                return None
        return None

    def _source_cue_at(self, index: int) -> bool:
        """True when a source cue ("according to") opens at ``index``."""
        return any("source" in self.rules.patterns[cue.lemma] for cue in self.spans.cues_in(index, index + 1))

    def _opens_clause(self, index: int, *, after_that: bool = False) -> bool:
        """True when the word can open a reported clause: its subject ("Japan", "the", "it", "50").

        After "that" a condition may open it too: "said that if talks fail, tariffs would rise" reports
        the whole conditional, where "said if …" may be a question ("asked if", "did not say if").
        """
        if index > self.last:
            return False
        token = self.doc[index]
        if after_that and token.lower_ in self.rules.conditional:
            return True
        return (token.is_alpha or token.like_num) and token.lower_ not in self.rules.not_openers \
            and token.lower_ not in self.rules.conditional and token.lower_ not in self.rules.fillers

    def _clause_end(self, start: int) -> int:
        """The last word of a clause that runs from ``start``: the sentence's end, or the word before a
        semicolon or dash, a participle or "according to" after a comma, or another cue's attribution."""
        doc = self.doc
        for index in range(start, self.last + 1):
            token = doc[index]
            if token.text in _CLAUSE_ENDS:
                return index - 1
            if token.text == "," and index + 1 <= self.last:
                following = doc[index + 1]
                # (a relative clause after a comma may belong to the content's subject: "said scientists at
                # its unit, which markets a test, found …", so it does not end the clause)
                if following.lower_.endswith("ing") or following.lower_ == "according":
                    return index - 1
            if index > start and self.spans.cues_in(index, index + 1):
                # "…, and added …", "…, the ministry said": the clause ends before the next attribution
                back = next((b for b in range(index - 1, max(start, index - MAX_SPEAKER_WORDS - 1), -1)
                             if doc[b].text == "," or doc[b].lower_ in ("and", "but")), None)
                if back is not None and (back == index - 1 or self._plain_speaker(back + 1, index - 1)):
                    return back - 1
        return self.last

    def _attribution_tail(self, first: int) -> bool:
        """True when the words after an attribution hold no clause: nothing, an adjunct ("in a statement",
        "on Tuesday"), or a participle after a comma (", citing costs")."""
        doc, rules = self.doc, self.rules
        index = first
        while index <= self.last:
            token = doc[index]
            if token.text == ",":
                return self._participle_or_apposition(index + 1)
            if token.lower_ in rules.clause_words or token.lower_ == "that" or self.spans.cues_in(index, index + 1):
                return False
            if index == first and not (token.lower_ in rules.not_openers or token.lower_ in rules.fillers):
                return False
            index += 1
        return True

    def _participle_or_apposition(self, first: int) -> bool:
        """True for the words after an attribution's comma that add to it: a participle (", citing costs")
        or a description of the speaker without a clause (", the vice chairman", ", an analyst at Acme")."""
        doc, rules = self.doc, self.rules
        if first > self.last:
            return False
        if doc[first].lower_.endswith("ing"):
            return True
        # a description opens with a determiner or a name ("the vice chairman", "Acme's economist"), or names
        # the speaker's post in lower case ("currency strategist at Acme", "chief economist")
        if not (doc[first].lower_ in rules.determiners or doc[first].text[:1].isupper() or any(
                self._speaker_noun(t) for t in doc[first:min(first + MAX_DESCRIPTION_WORDS, self.last) + 1])):
            return False
        return not any(t.lower_ in rules.clause_words or t.lower_ in ("that", "which", "who") or t.is_punct
                       and t.text != "," or self.spans.cues_in(t.i, t.i + 1) for t in doc[first:self.last + 1])

    def _first_word(self) -> int:
        return next((t.i for t in self.doc[self.first:self.last + 1] if not t.is_punct), self.first)

    def _record(self, cue: Cue, pattern: str, start: int, last: int, speaker: tuple[int, int],
                *, min_words: int = MIN_CONTENT_WORDS, verb: bool = False) -> ReportedSpeech | None:
        """The record of a content ``doc[start:last + 1]`` trimmed of punctuation, when it holds enough words
        (and, with ``verb``, a word that looks like a verb)."""
        doc = self.doc
        while start <= last and (doc[start].is_punct or doc[start].is_space):
            start += 1
        while last >= start and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        words = doc[start:last + 1]
        if sum(t.is_alpha for t in words) < min_words or verb and not self._holds_verb(words):
            return None
        if doc[start].lower_ in self.rules.conditional and doc[start - 1].lower_ != "that":
            return None  # "said if …": a question or a condition on the report, not what was said
        cue_last = doc[cue.end - 1]
        return ReportedSpeech(doc[start].idx, doc[last].idx + len(doc[last]), pattern, cue.lemma,
                              doc[cue.start].idx, cue_last.idx + len(cue_last),
                              doc[speaker[0]].idx, doc[speaker[1]].idx + len(doc[speaker[1]]))

    def _holds_verb(self, words: Sequence[Token]) -> bool:
        """True when a word looks like a verb of a clause (`_verb_like`)."""
        return any(_verb_like(t, self.rules.clause_words) for t in words)


def _verb_like(token: Token, clause_words: frozenset[str]) -> bool:
    """True when a word looks like a verb of a clause: an auxiliary or a common irregular past tense
    (``clause_words``), or a lower-case -ed or -s form."""
    return token.lower_ in clause_words or token.is_lower and len(token) > 3 and (
        token.text.endswith("ed") or token.text.endswith("s") and not token.text.endswith("ss"))
