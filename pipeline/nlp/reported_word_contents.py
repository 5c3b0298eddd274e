"""What was said after a cue, for the word-order reader of reported speech (`pipeline.nlp.reported_words`).

`SentenceContents` finds where a reported clause opens after its cue (past
"that", a hearer, time words and adjuncts) and where it ends, and builds the
record of a content; it reads speakers through `SentenceSpeakers`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from pipeline.nlp.reported_speech import ReportedSpeech
from pipeline.nlp.reported_word_lists import Cue
from pipeline.nlp.reported_word_speakers import MAX_DESCRIPTION_WORDS, MAX_SPEAKER_WORDS, SentenceSpeakers, verb_like

# Words of an adjunct's phrase after its preposition ("said in a written statement").
MAX_ADJUNCT_WORDS = 4
# Words between a cue and its "that" ("said in a statement on Tuesday that").
MAX_THAT_GAP = 6
# Words of a hearer's phrase after "told" ("told a news conference").
MAX_HEARER_WORDS = 4
# A content shorter than this many words is not a report ("he said so", "it added more").
MIN_CONTENT_WORDS = 3
# Marks that end a reported clause before the sentence does.
_CLAUSE_ENDS = frozenset({";", "—", "–", "--", "(", ":"})


class SentenceContents(SentenceSpeakers):
    """One sentence's words and what its cues report."""

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
        if cue.lemma not in rules.bare_clause:
            # "announced Sunday it would …": past time words, a subject pronoun before a clause word opens a
            # clause after any cue (a time word takes no object, and "it would" is no noun phrase)
            after = self._past_times(start)
            if after > start and self._pronoun_clause(after):
                return after
            # "announced President Dana Holt will impose …": a tagged name, title or organization right after
            # the cue with a verb of the clause words right after it is the subject of a clause (a noun phrase object takes
            # no auxiliary: "announced Acme's results", "signaled a pause")
            if self._named_clause(after):
                return after
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

    def _pronoun_clause(self, index: int) -> bool:
        """True when a subject pronoun ("it", "they") at ``index`` is followed by a ``clause_word``."""
        doc, rules = self.doc, self.rules
        return index + 1 <= self.last and doc[index].lower_ in rules.pronouns \
            and doc[index + 1].lower_ in rules.clause_words

    def _named_clause(self, index: int) -> bool:
        """True when names, titles or organizations run on from ``index`` (one after another: "President" then
        "Dana Holt") and a ``clause_words`` verb follows them ("will", "would", "has", "met"; no "'s", which
        may be a possessive)."""
        doc, spans = self.doc, self.spans
        end = spans.named_by_start.get(index)
        if end is None:
            return False
        while end + 1 in spans.named_by_start:
            end = spans.named_by_start[end + 1]
        if end + 1 > self.last:
            return False
        word = doc[end + 1].lower_
        return word in self.rules.clause_words and word[:1] not in "'’"

    def _past_adjuncts(self, start: int) -> int | None:
        """The first word after the adjuncts that follow a cue ("said on Tuesday", "said in a statement on
        Monday"): each a time word, or a preposition whose phrase ends, a few words on, in a time word, an
        ``adjunct_noun`` (``statement``, ``interview``) or a ``hearer`` ("said in a note to clients the …");
        ``start`` itself when none follows; None when a preposition's phrase ends in no such word ("said in a
        speech to the nation's farmers")."""
        doc, rules = self.doc, self.rules
        index = self._past_times(start)
        while index <= self.last and doc[index].lower_ in rules.prepositions:
            end = next((t.i for t in doc[index + 1:min(index + MAX_ADJUNCT_WORDS + 1, self.last + 1)]
                        if t.lower_ in rules.adjunct_nouns or t.lower_ in rules.time_words
                        or t.lower_ in rules.hearers and not t.is_upper), None)
            if end is None or any(t.is_punct or t.lower_ in rules.prepositions for t in doc[index + 1:end]):
                return None
            # the phrase's last noun ends it: "in a television interview", "at a news conference"
            while end + 1 <= self.last and end + 1 < index + MAX_ADJUNCT_WORDS + 1 \
                    and doc[end + 1].lower_ in rules.adjunct_nouns | rules.hearers:
                end += 1
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
        if not after_hearer:
            # "said last Monday at its meeting that": time words first, then the adjunct (the time words alone
            # are read by the caller's bare-clause steps; here they only move the adjunct's opening on)
            start = self._past_times(start)
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
        """True when a word looks like a verb of a clause (`verb_like`)."""
        return any(verb_like(t, self.rules.clause_words) for t in words)
