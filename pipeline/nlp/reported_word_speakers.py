"""Speakers in a sentence's words, for the word-order reader of reported speech (`pipeline.nlp.reported_words`).

`SentenceSpeakers` holds one sentence's words and finds the phrase that names
who speaks before or after a cue: a name, a title, a speaker noun, a pronoun,
two speakers joined by "and", a speaker before a relative clause on it, and
the speaker an earlier cue of the sentence hands on to a joined or -ing cue.
`pipeline.nlp.reported_word_contents` reads what was said on top of it, and
`pipeline.nlp.reported_words` the patterns.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from pipeline.nlp.reported_clauses import RELATIVE_PRONOUNS
from pipeline.nlp.reported_word_lists import ArticleSpans, Cue, WordRules

# A speaker's phrase longer than this many words is a clause, not a name and its title.
MAX_SPEAKER_WORDS = 8
# The words of a person's post set off after the name ("founding partner and chief strategy officer at Acme
# Capital Advisors"): two posts joined by "and" before a firm's name run past a speaker's phrase.
MAX_POST_WORDS = 12
# Words of a relative clause between a speaker and its cue ("The official who helped draft the accord said").
MAX_RELATIVE_WORDS = 12
# Lower-case words that may describe a name before it ("U.S. automobile manufacturer Chrysler said").
MAX_DESCRIPTION_WORDS = 3
# Marks that end a speaker's phrase or a reported clause.
# (a full stop alone is a sentence's end the splitter missed: "… prior pact. dealers said …")
BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "--", '"', "“", "”", "``", "''", "'", ".", "!", "?"})
DASHES = frozenset({"—", "–", "--"})
# Marks that set an attribution off from the clause it follows ("…, the minister said", "… — said Smith").
SET_OFF = frozenset({",", *DASHES})
# Words that join a speaker noun to the firm it speaks for ("a spokesman for Toyota", "executives from Acme").
_OF_FIRM = frozenset({"for", "at", "of", "from"})
# Articles that open a description of a body rather than a person's post ("a unit of Acme").
_ARTICLES = frozenset({"a", "an", "the"})
# Words that join two posts of one person inside a set-off description ("partner and chief strategist at …").
_POST_JOINERS = frozenset({"and"})


def _capitalized(token: Token) -> bool:
    """True for a word that opens with a capital and holds letters ("Chrysler", "U.S.", "LLC")."""
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def verb_like(token: Token, clause_words: frozenset[str]) -> bool:
    """True when a word looks like a verb of a clause: an auxiliary or a common irregular past tense
    (``clause_words``), or a lower-case -ed or -s form."""
    return token.lower_ in clause_words or token.is_lower and len(token) > 3 and (
        token.text.endswith("ed") or token.text.endswith("s") and not token.text.endswith("ss"))


class SentenceSpeakers:
    """One sentence's words and the speakers named in them."""

    def __init__(self, doc: Doc, first: int, end: int, spans: ArticleSpans, rules: WordRules) -> None:
        self.doc, self.first, self.spans, self.rules = doc, first, spans, rules
        last = end - 1
        while last >= first and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        self.last = last  # the sentence's last word

    def _first_word(self) -> int:
        return next((t.i for t in self.doc[self.first:self.last + 1] if not t.is_punct), self.first)

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
        if index <= self.first or self.doc[index].lower_ not in self.rules.cue_joiners or previous is None \
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
                and (self.doc[before[0] - 1].text in SET_OFF or self.doc[before[0] - 1].is_quote) else None
        if previous.start - 1 <= self.first or self.doc[previous.start - 1].text not in SET_OFF:
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
            # "Rahul Gandhi on Sunday said": a preposition of time before a day skipped is part of the adjunct
            if last > self.first and doc[last].lower_ in rules.time_prepositions \
                    and doc[last + 1].lower_ in rules.time_words:
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
        if not self._plain_speaker(start, last):
            return None
        holder = self._holder_of_a_set_off_post(start)
        return (start, last) if holder is None else (holder, last)

    def _holder_of_a_set_off_post(self, start: int) -> int | None:
        """Where the person's name opens when the phrase at ``start`` is the body of a post set off before it
        ("Dana Quill, MD and Group CEO, Harbour City said": the firm closes the post; Dana Quill speaks), or
        None. The words between the commas end in a tagged title and hold only capitalized words, titles and
        "and"; a tagged person's name stands right before them."""
        doc = self.doc
        comma = start - 1
        if comma - 1 <= self.first or doc[comma].text != "," or comma - 1 not in self.spans.title_by_end:
            return None
        opening = next((t.i for t in reversed(doc[max(self.first, comma - MAX_SPEAKER_WORDS - 1):comma])
                        if t.text in BREAKS), None)
        if opening is None or opening - 1 < self.first or doc[opening].text != "," or opening + 1 >= comma:
            return None
        titled = {i for end, first in self.spans.title_by_end.items() if opening < first and end < comma
                  for i in range(first, end + 1)}
        if not all(t.i in titled or _capitalized(t) or t.lower_ in _POST_JOINERS for t in doc[opening + 1:comma]):
            return None
        return self.spans.person_by_end.get(opening - 1)

    def _relative_speaker(self, last: int) -> tuple[int, int] | None:
        """The speaker before a relative clause on it that ends at the cue ("The official who helped draft
        the accord said …"): the phrase before "who", when it plainly names a speaker and the clause holds a
        verb; None when no such clause ends at ``last`` (a break comes first)."""
        doc = self.doc
        for index in range(last, max(self.first, last - MAX_RELATIVE_WORDS) - 1, -1):
            if doc[index].text in BREAKS or doc[index].is_space:
                return None
            if doc[index].lower_ != "who":
                continue
            if index == last or index - 1 < self.first \
                    or not any(verb_like(t, self.rules.clause_words) for t in doc[index + 1:last + 1]):
                return None
            start = self._phrase_start(index - 1)
            return (start, index - 1) if start is not None and self._plain_speaker(start, index - 1) else None
        return None

    def _phrase_start(self, last: int) -> int | None:
        """The first word of the phrase ending at ``last``, back to a break or a boundary word; None past
        `MAX_SPEAKER_WORDS`."""
        doc, rules = self.doc, self.rules
        start = last
        while start - 1 >= self.first and doc[start - 1].text not in BREAKS and not doc[start - 1].is_space \
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
        if verb >= limit or not (verb_like(doc[verb], rules.clause_words) or self.spans.cues_in(verb, verb + 1)):
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
        opening = next((t.i for t in reversed(doc[max(self.first, comma - MAX_POST_WORDS - 1):comma])
                        if t.text in BREAKS), None)
        if opening is None or opening - 1 < self.first or doc[opening].text != ",":
            return None
        description = doc[opening + 1:comma]
        post = self._age_or_post(description)
        if len(description) > MAX_SPEAKER_WORDS and not post:
            return None  # only a post at a firm runs longer ("founding partner and chief strategist at …")
        # "founding partner and chief strategist at Acme Wealth": an "and" between the words of a post joins
        # two posts of one person, not two clauses
        if any(t.lower_ in rules.clause_words or t.lower_ in rules.boundaries and t.lower_ not in _OF_FIRM
               and not (post and t.lower_ in _POST_JOINERS) or t.lower_ in RELATIVE_PRONOUNS for t in description):
            return None
        name_start = self.spans.named_by_end.get(opening - 1)
        if name_start is not None and (any(t.i in self.spans.named_tokens or self._speaker_noun(t)
                                           for t in description) or post):
            return name_start, comma - 1
        if self._firm_tie(description):
            # "Dana Quill, chief strategist at Harbour Wealth, a division of Kestrel Partners, says": the tie
            # describes the firm of a post set off before it; the person before the post speaks
            inner = self._set_off_speaker(opening)
            if inner is not None and self._age_or_post(doc[self._description_start(inner[0], opening):opening]):
                return inner[0], comma - 1
        # "The Irish airline, Ryanair, announced": a description from the sentence's start, then the name
        if self._plain_speaker(opening + 1, comma - 1) and opening - self.first <= MAX_SPEAKER_WORDS and not any(
                t.lower_ in rules.clause_words or t.lower_ in rules.boundaries or t.is_punct
                for t in doc[self.first:opening]):
            return self.first, comma - 1
        return None

    @staticmethod
    def _age_or_post(words: Sequence[Token]) -> bool:
        """True for a person's age ("Tom Reyes, 26, says") or a post at a body the lists do not tag
        ("founding partner at Acme Wealth"): lower-case words, a preposition of `_OF_FIRM`, then capitals."""
        if len(words) == 1:
            return words[0].like_num
        link = next((i for i, t in enumerate(words) if t.lower_ in _OF_FIRM), None)
        # (a description after an article names a firm's tie, "Permian Corp, a unit of Acme, said", and a
        # participle an aside, "A spokesman, speaking from Frankfurt, told": neither is a post)
        return link is not None and 0 < link < len(words) - 1 and words[0].lower_ not in _ARTICLES \
            and not words[link - 1].lower_.endswith("ing") \
            and all(t.is_lower and t.is_alpha for t in words[:link]) and all(_capitalized(t) for t in words[link + 1:])

    @staticmethod
    def _firm_tie(words: Sequence[Token]) -> bool:
        """True for a firm's tie to its owner after an article ("a division of Kestrel Partners", "a unit of
        Acme"): the article, lower-case words, a preposition of `_OF_FIRM`, then capitals."""
        return len(words) > 2 and words[0].lower_ in _ARTICLES and SentenceSpeakers._age_or_post(words[1:])

    def _description_start(self, name_start: int, comma: int) -> int:
        """The first word after the comma that sets off a description after the name opening at
        ``name_start`` and closing at ``comma``."""
        return next((t.i + 1 for t in self.doc[name_start:comma] if t.text == ","), comma)

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
