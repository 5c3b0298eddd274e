"""Where a report of speech lies in a parsed sentence: its content, its cue's clause and its speaker.

The patterns of `pipeline.nlp.reported_speech` (``complement``, ``postposed``,
``source``) as functions over one spaCy ``Doc`` (a sentence) and a cue token,
returning token bounds ``(first, last)``. The project's parser is small and
often joins clauses loosely (it splits a sentence in two, hangs a cue on a
clause's last conjunct, tags a verb as a noun), so where the words themselves
show the pattern — the comma before ", the ministry said", the "that" after
"told reporters" — the functions read the words and use the parse only for
what it gets right: subjects, objects, and the extent of a clause.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.names import POSSESSIVE_MARKS

# Dependents of a subject that belong to the speaker's name ("a spokesman for the ministry", "Ryosei Akazawa").
_SPEAKER_PARTS = frozenset({"flat", "flat:name", "compound", "nmod", "nummod"})
# Relations by which a verb without a subject of its own takes its head's (", saying …", "and added …").
_SHARED_SUBJECT = frozenset({"advcl", "xcomp", "conj", "acl"})
# Relations the parser sometimes gives a reported clause instead of ccomp; taken only when the clause has a subject.
_CLAUSE_MISREAD = frozenset({"acl:relcl", "parataxis"})
_SUBJECTS = frozenset({"nsubj", "nsubj:outer"})
# Parts of speech of a noun phrase's head.
_NOUNS = frozenset({"NOUN", "PROPN"})
# Relations that make a cue form a noun or a modifier ("the report said", "a reported deal"), not a verb.
NOMINAL = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "amod", "compound", "det", "appos",
                      "nmod:poss", "case", "fixed"})
# Marks that end a reported clause before its attribution ("…, the ministry said", "… — Nomura analysts say").
_ATTRIBUTION_BREAKS = frozenset({",", "—", "–"})
_FINAL_STOPS = frozenset({".", "!", "?"})
# Relations of a verb form that modifies a name rather than heading a clause ("Federated Hermes").
_CLAUSE_RELATIONS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "acl", "acl:relcl", "conj", "parataxis", "csubj",
                               "aux", "aux:pass", "cop", "dep"})
_AUXILIARIES = frozenset({"aux", "aux:pass", "cop"})
# Relations of a clause that modifies a noun after the cue ("a conference sponsored by …", "who has travelled").
_NOUN_CLAUSES = frozenset({"acl", "acl:relcl"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "whose"})
_DEMONSTRATIVES = frozenset({"that", "this"})
# Parts of speech a clause's subject opens with ("such policies", "the report", "Japan", "it").
_SUBJECT_OPENINGS = frozenset({"DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ"})
# Words between the comma and a postposed cue: a speaker's name and title, not a clause of their own.
_MAX_SPEAKER_WORDS = 12
# A person's name before a post ("Dana Quill, metals strategist at Acme"): how many words it may have, and
# the words that join a post to its firm.
_MAX_NAME_WORDS = 4
_POST_LINKS = frozenset({"at", "of", "with"})
# Cues whose object is the one spoken to ("…, the director told WBUR"): the words after them are a hearer,
# never the speaker, who stands before the cue.
HEARER_LEMMAS = frozenset({"tell"})
# Words between a cue and its "that" ("told Yicai in a statement that"); a "that" farther away belongs to a
# noun ("confirms the view of the bank's analysts that …").
_MAX_THAT_GAP = 5


def _subtree_bounds(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i


def _trim(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Token bounds without punctuation and "that" at the edges."""
    while first <= last and (doc[first].is_punct or doc[first].is_space or
                             (doc[first].lower_ == "that" and doc[first].dep_ == "mark")):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space) and not (
            doc[last].text == ")" and any(t.text == "(" for t in doc[first:last])):  # "(GATT)" keeps its bracket
        last -= 1
    return first, last


def speaker_bounds(subject: Token) -> tuple[int, int]:
    """The subject's words up to its head, and the name parts after it without crossing punctuation; a second
    subject joined by "and" speaks too ("Jane Roe and Tom Poe said", "Analysts and traders say")."""
    doc = subject.doc
    last = subject.i
    for child in subject.rights:
        if child.dep_ == "conj" and doc[last + 1].lower_ == "and" and child.left_edge.i == last + 1 \
                and not any(t.is_punct for t in doc[child.left_edge.i:child.right_edge.i + 1]):
            return subject.left_edge.i, speaker_bounds(child)[1]
        if child.dep_ not in _SPEAKER_PARTS or child.i != last + 1 and any(
                t.is_punct for t in doc[last + 1:child.left_edge.i]):
            break
        if any(t.is_punct for t in doc[child.left_edge.i:child.right_edge.i + 1]):
            break
        last = child.right_edge.i
    return subject.left_edge.i, _name_after_descriptor(subject, last)


def _name_after_descriptor(subject: Token, last: int) -> int:
    """``last``, or past the capitalized words that follow a subject in lower case inside its own subtree: a
    descriptor noun before a name ("Hedge fund Elliott warned", "asset manager Kestrel said") that the parser
    read as the head, with the name hung on it as an object or modifier. The name is who speaks."""
    doc = subject.doc
    if last != subject.i or subject.pos_ != "NOUN" or not subject.text.islower():
        return last
    end = last
    while end + 1 <= subject.right_edge.i and doc[end + 1].text.isalpha() and doc[end + 1].text[:1].isupper() \
            and doc[end + 1].pos_ not in ("VERB", "AUX"):
        end += 1
    return end


def left_words(cue: Token) -> tuple[int, int] | None:
    """The words before a cue that the parser hung on it without a subject ("A senior official said" with
    "official" read as an adjective): from the sentence start, or after a comma, up to the cue."""
    lefts = [c for c in cue.lefts if not c.is_punct]
    if not lefts or any(c.dep_ not in ("det", "amod", "compound", "nmod:poss") for c in lefts):
        return None
    first = cue.left_edge.i
    if any(t.is_punct for t in cue.doc[first:cue.i]):
        return None
    return first, cue.i - 1


def subject_of(cue: Token) -> Token | None:
    """The cue's subject, or — for a participle or a conjoined verb — the subject of the verb it depends on.
    A subject the parser hung on the cue's auxiliary before it counts ("Weber has since announced …" with
    "Weber" under "has")."""
    for child in cue.children:
        if child.dep_ in _SUBJECTS:
            return child
    for auxiliary in cue.lefts:
        if auxiliary.dep_ in _AUXILIARIES:
            subject = next((c for c in auxiliary.children if c.dep_ in _SUBJECTS and c.i < auxiliary.i), None)
            if subject is not None:
                return subject
    if cue.dep_ in _SHARED_SUBJECT and cue.head.i != cue.i:
        for child in cue.head.children:
            if child.dep_ in _SUBJECTS and child.i < cue.i:
                return child
    return None


def is_passive(cue: Token) -> bool:
    return any(child.dep_ in ("aux:pass", "nsubj:pass") for child in cue.children)


def _that_clause(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """Token bounds of a "that" clause a few verbless words after the cue, however the parser hung it
    ("told Yicai in a statement that …", "suggested Sunday that …"); a relative "that" (followed by its
    verb: "said at a meeting that was held …") opens none."""
    for token in doc[cue.i + 1:cue.i + 2 + _MAX_THAT_GAP]:
        if token.lower_ == "that":
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is None or following.is_punct or _is_verb(following):
                return None
            head = token.head
            marks = token.dep_ == "mark"
            first, last = _trim(doc, token.i + 1, head.right_edge.i if marks and head.i > token.i else len(doc) - 1)
            if not _is_clause(doc, first, last):  # the clause's verb outside its head's subtree, or misread
                first, last = _trim(doc, token.i + 1, _sentence_end(doc))
            # the parser's "mark" vouches for the clause where the tagger missed its verb ("re-election marks …")
            return (first, last) if marks or _is_clause(doc, first, last) else None
        if token.is_punct or _is_verb(token):
            return None
    return None


# Words joining a second "that" clause to the first under one cue ("said that A, and that B"; "… but that B").
_CLAUSE_JOINERS = frozenset({"and", "but"})


def conjoined_clauses(doc: Doc, first: int, last: int) -> list[tuple[int, int]]:
    """The content ``first..last`` cut where a second "that" clause joins the first ("said that A, and that
    B", "said A but that B"): each clause is a report of its own, with the cue's speaker. A "that" the parser
    marks on a verb conjoined to another (``conj``) right after "and"/"but" (and an optional comma) starts
    one; any other "that" (a relative clause, "so that") leaves the content whole."""
    parts: list[tuple[int, int]] = []
    start = first
    for token in doc[first + 1:last + 1]:
        if token.lower_ != "that" or token.dep_ != "mark" or token.head.dep_ != "conj":
            continue
        joiner = doc[token.i - 1]
        if joiner.lower_ not in _CLAUSE_JOINERS:
            continue
        end = joiner.i - 1
        while end > start and doc[end].is_punct:
            end -= 1
        if end > start and token.i + 1 <= last:
            parts.append((start, end))
            start = token.i + 1
    parts.append((start, last))
    return parts


def _attribution_after_comma(doc: Doc, clause: Token) -> bool:
    """True for a clause after a comma that ends with its verb (", the report said."): an attribution of its
    own, not the cue's content (", he backed the bill" is)."""
    first = _trim(doc, clause.left_edge.i, clause.right_edge.i)[0]
    return first > 0 and doc[first - 1].text == "," and all(c.is_punct for c in clause.rights)


def _set_off_after(doc: Doc, cue: Token, clause: Token) -> bool:
    """True when a comma right after the cue sets the clause off and it is not what was said.

    A parenthetical cue with its own subject reports the clause after it ("In fact, the report said,
    such policies could …"), which opens with its subject; a relative clause, a participle, a
    subordinate clause or a verb after the comma (", which could …", ", adding …", ", as González
    led …", ", is that …") comments on the attribution, and "That said," reports nothing.
    """
    first = _trim(doc, clause.left_edge.i, clause.right_edge.i)[0]
    if first <= cue.i + 1 or not all(t.is_punct for t in doc[cue.i + 1:first]):
        return False
    subject = subject_of(cue)
    opening = doc[first]
    return (subject is None or subject.lower_ in _DEMONSTRATIVES or opening.lower_ in RELATIVE_PRONOUNS
            or opening.pos_ not in _SUBJECT_OPENINGS)


def complement(doc: Doc, cue: Token, lemma: str, *, clause_articles: frozenset[str],
               question_openers: frozenset[str],
               adverbial_marks: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """Token bounds of the cue's clausal complement after it (with a subject the parser hung on the cue).

    The parser sometimes hangs the clause on the hearer ("told reporters that …" with the clause under
    "reporters"): a complement of the cue's object after the cue counts as the cue's. An article of
    ``clause_articles`` right after the cue opens the clause's subject (`_noun_phrase_after`); a content opening
    with a word of ``question_openers`` is an embedded question, not what was said; a clause an
    ``adverbial_marks`` word opens ("as", "because") says when or why the speaker spoke.
    """
    heads = [cue] + [c for c in cue.rights if c.dep_ in ("obj", "iobj")]
    # ", says X, which …" / ", BMI says, adding …": a clause set off by a comma after the cue comments on it;
    # a "complement" without a verb is the speaker misread (", says Citi in a note")
    complements = [c for head in heads for c in head.rights if c.dep_ == "ccomp" and not _set_off_after(doc, cue, c)
                   and _is_clause(doc, c.left_edge.i, c.right_edge.i)]
    if not complements:
        that_clause = None if _noun_phrase_after(doc, cue, lemma, clause_articles) else _that_clause(doc, cue)
        if that_clause is not None:
            return that_clause
        # "said Tokyo could retaliate" parsed as a relative clause: a clause with its subject, not set off by a
        # comma (", the report said" hung on the cue is an attribution of its own)
        # (a clause a relative pronoun opens is one: ", says Acme, which had …")
        complements = [c for c in cue.rights if c.dep_ in _CLAUSE_MISREAD and not _attribution_after_comma(doc, c)
                       and any(g.dep_ in _SUBJECTS and g.i < c.i for g in c.children)
                       and doc[_trim(doc, c.left_edge.i, c.right_edge.i)[0]].lower_ not in RELATIVE_PRONOUNS]
    if not complements:
        return None
    complement = min(complements, key=lambda c: c.left_edge.i)  # the nearest: "told … that A, and B said C"
    if _adverbial_clause(doc, complement, adverbial_marks):
        return None  # ", says Acme as it opens a mill": a clause of time or reason on the cue, not what was said
    first, last = _subtree_bounds(complement)
    if first <= cue.i:
        return None
    # "said Japan would …", "said Chile, along with Peru, both levy …": the clause's subject parsed as the
    # verb's object (or as a clause of its own), with no verb between it and the clause
    # (a clause on that noun belongs to it: "said Acme's plan to cut costs reflects …")
    for child in cue.rights:
        if child.dep_ in ("obj", "ccomp") and lemma != "tell" and cue.i < child.i < first and not _clause_beside(
                doc, child, first - 1):
            first = min(first, child.left_edge.i)
    if not any(c.dep_ in _SUBJECTS or c.dep_ == "expl" for c in complement.children):
        first = _subject_before(doc, cue, _name_before(doc, cue, first))
    # "said that under the act the …", "said Friday that …": "that" after words without a verb opens the clause
    that = next((t for t in doc[cue.i + 1:min(last, cue.i + 2 + _MAX_THAT_GAP)] if t.lower_ == "that"), None)
    if _noun_phrase_after(doc, cue, lemma, clause_articles):
        that = None
    if that is not None and (that.dep_ == "mark" or that.i >= first) and not _is_clause(doc, cue.i + 1, that.i - 1) \
            and not _is_verb(doc[that.i + 1]):
        first = max(first, that.i + 1)
    first, last = _trim(doc, first, last)
    if first > last or doc[first].lower_ in question_openers and doc[first - 1].lower_ != "that":
        return None  # "did not say when …": an embedded question ("said that when …" reports a clause)
    return first, last


def _adverbial_clause(doc: Doc, complement: Token, adverbial_marks: frozenset[str]) -> bool:
    """True when the complement is only a clause of time, reason or contrast: a word of ``adverbial_marks``
    opens it as its own head's mark, with no "that" beside it ("said that while …", "did say though that …"
    report a clause) and no comma inside (in "said while A, B" the clause B after the comma is what was
    said)."""
    first, last = complement.left_edge.i, complement.right_edge.i
    mark = doc[first]
    if mark.dep_ != "mark" or mark.head.i != complement.i or mark.lower_ not in adverbial_marks:
        return False
    beside = [doc[i].lower_ for i in (first - 1, first + 1) if 0 <= i < len(doc)]
    return "that" not in beside and not any(t.text == "," for t in doc[first:last + 1])


def _noun_phrase_after(doc: Doc, cue: Token, lemma: str, clause_articles: frozenset[str]) -> bool:
    """True when an article follows the cue: the words after it are a noun phrase, the reported clause's
    subject, and a "that" among them opens a relative clause on it ("said the duties that Canada imposed were
    unfair"), not the content; after "told" they are its hearer ("told the paper that …")."""
    return lemma != "tell" and cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ in clause_articles


def _clause_beside(doc: Doc, noun: Token, last: int) -> bool:
    """True when a verb between ``noun`` and ``last`` heads a clause other than one on the noun ("plan to cut
    costs", "the fees it charges" belong to the noun)."""
    for token in doc[noun.i:last + 1]:
        if not _is_verb(token):
            continue
        on_noun = any(a.dep_ in _NOUN_CLAUSES and a.head.i == noun.i or a.i == noun.i
                      for a in [token, *token.ancestors] if a.i != noun.head.i)
        if not (on_noun and noun.left_edge.i <= token.i <= noun.right_edge.i):
            return True
    return False


def _name_before(doc: Doc, cue: Token, first: int) -> int:
    """Where a subjectless complement really opens: at the name right before it that the parser hung on an
    adjunct ("said in a statement Smith would …" with "Smith" read as part of "statement")."""
    start = first
    while start - 1 > cue.i and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in _SPEAKER_PARTS:
        start -= 1
    return start


def _subject_before(doc: Doc, cue: Token, first: int) -> int:
    """Where a subjectless complement really opens: at the noun phrase right before it that the parser hung
    on the adjunct after the cue ("said in a note to clients the recent rise in costs raised …" with "rise"
    read as an object of "clients"). The phrase opens with a determiner and follows a noun of the adjunct
    directly: two noun phrases side by side mark where the adjunct ends and the clause begins."""
    for token in doc[cue.i + 2:first]:
        opening = token.left_edge.i
        if token.right_edge.i == first - 1 and token.pos_ in _NOUNS and opening > cue.i + 2 \
                and doc[opening].pos_ == "DET" and doc[opening - 1].pos_ in _NOUNS:
            return opening
    return first


def _sentence_end(doc: Doc) -> int:
    """The sentence's last word: before its final punctuation and a bracketed note after the final stop
    ("… he adds. (name@paper.com)", a byline's address or a credit line)."""
    last = len(doc) - 1
    if last > 0 and doc[last].text == ")":
        opening = next((t.i for t in reversed(doc[:last]) if t.text == "("), None)
        if opening is not None and opening > 0 and doc[opening - 1].text in _FINAL_STOPS:
            last = opening - 1
    while last >= 0 and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return last


def _is_clause(doc: Doc, first: int, last: int) -> bool:
    """True when the words hold a verb (a clause, not a noun phrase such as "In Tokyo")."""
    return any(_is_verb(t) for t in doc[first:last + 1])


def _is_verb(token: Token) -> bool:
    """A verb of a clause, by its relation (or its finite form): not a word the tagger misread as a verb
    inside a name ("Federated Hermes' analyst", "Ambassador to GATT")."""
    return token.pos_ in ("VERB", "AUX") and (_clause_relation(token) in _CLAUSE_RELATIONS or is_finite_verb(token))


def _clause_relation(token: Token) -> str:
    """The relation of the clause a verb belongs to (an auxiliary's is its verb's)."""
    return token.head.dep_ if token.dep_ in _AUXILIARIES and token.head.i != token.i else token.dep_


def postposed(doc: Doc, cue: Token, lemma: str = "") -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """``(content, speaker)``: the clause before ", the ministry said." when the cue's clause ends the sentence.

    Read from the words, not from how the parser joins the two clauses (it hangs the cue on the clause,
    the clause on the cue, or splits the sentence in two): the attribution is the words after the
    sentence's last comma or dash before the cue — the speaker, with no verb ("Nomura analysts say"),
    or none ("…, says Citi", "…, his adviser Peter Navarro, said") — and the cue with what follows it
    up to the sentence's end, which holds no verb but a participle after a comma ("in a note",
    ", citing costs"). The content is the sentence before the attribution, and must be a clause.
    A cue of `HEARER_LEMMAS` ("told") takes no speaker after it: the words there are its hearer, and the
    speaker is the name set off before it, with the post that follows the name ("…, Dana Quill, director
    of the Harbor Guild, told WXRT").
    """
    end = _sentence_end(doc)
    # A participle (", adding: …") hangs on a verb before it: it reports what follows, not what precedes.
    if _is_present_participle(cue) or not _attribution_tail(doc, cue.i + 1, end):
        return None
    comma = next((t.i for t in reversed(doc[:cue.i]) if t.text in _ATTRIBUTION_BREAKS), None)
    if comma is None or comma == 0:
        return None
    gap = doc[comma + 1:cue.i]
    if (len(gap) > _MAX_SPEAKER_WORDS or _is_clause(doc, comma + 1, cue.i - 1)
            # "…, but acknowledged …": a verb of the clause; "…, which Brussels says is …": a relative clause
            or len(gap) and (gap[0].pos_ in ("CCONJ", "SCONJ") or gap[0].lower_ in RELATIVE_PRONOUNS)):
        return None
    hearer = lemma in HEARER_LEMMAS
    speaker = _trim(doc, comma + 1, cue.i - 1) if len(gap) else None if hearer else _inverted_speaker(doc, cue, end)
    named = _name_before_post(doc, comma, gap)
    if named is not None:  # "…, Dana Quill, metals strategist at Acme writes": the person whose post it is
        speaker, comma = named, named[0] - 1
    if speaker is None:  # ", his adviser Peter Navarro, said": a name set off by commas before the cue
        named = _set_off_name(doc, comma)
        if named is not None and hearer:
            # the set-off words may be the post of a name before them ("Dana Quill, director of the Guild,")
            person = _name_before_set_off_post(doc, named)
            named = named if person is None else (person[0], named[1])
        if named is not None:
            speaker, comma = named, named[0] - 1
    content = _trim(doc, 0, comma - 1)
    # The tagger reads some verbs as nouns ("Bitcoin edges lower …"): with nothing verbal after the cue,
    # a longer content counts as the clause.
    if not _is_clause(doc, *content) and (_is_clause(doc, cue.i + 1, end) or
                                          sum(t.is_alpha for t in doc[content[0]:content[1] + 1]) < 4):
        return None
    return content, speaker if speaker is not None and speaker[0] <= speaker[1] else None


def _attribution_tail(doc: Doc, first: int, last: int) -> bool:
    """True when the words after a cue hold no verb of a clause of their own: adjuncts ("in a note"),
    the speaker ("says Citi"), a clause on a noun ("a conference sponsored by …"), and, after a comma,
    a participle, a relative clause or a clause of its own (", citing costs", ", because …")."""
    relative = False
    for token in doc[first:last + 1]:
        following = doc[token.i + 1] if token.i < last else None
        if token.text == "," and following is not None and (
                _is_present_participle(following) or following.lower_ in RELATIVE_PRONOUNS
                or following.pos_ in ("SCONJ", "CCONJ")):
            return True  # ", citing costs", ", which has a rating …", ", because …": not what was said
        relative = relative or token.lower_ in RELATIVE_PRONOUNS
        # a clause on a noun: a participle ("sponsored by …") or one a relative pronoun opens ("who has …");
        # a finite verb without one is a clause of its own ("said ministers declared …")
        verb = token.head if token.dep_ in _AUXILIARIES else token
        on_noun = verb.dep_ in _NOUN_CLAUSES and (relative or not is_finite_verb(verb) and not (
            verb.head.dep_ in _SUBJECTS and verb.head.head.i < verb.head.i))  # "said ministers declared …"
        if _is_verb(token) and not on_noun:
            return False
    return True


def is_finite_verb(token: Token) -> bool:
    """True for a verb with tense and person ("suggested", "says"): a verb even where the parser made it a
    noun's relation ("Trump suggested Sunday that …" with the verb as a subject)."""
    return token.pos_ == "VERB" and "Fin" in token.morph.get("VerbForm")


def _is_present_participle(token: Token) -> bool:
    """True for an -ing form ("citing", "adding"), from the parser's morphology."""
    form = token.morph.get("VerbForm")
    return "Ger" in form or "Part" in form and "Pres" in token.morph.get("Tense")


def _name_before_post(doc: Doc, comma: int, gap: Span) -> tuple[int, int] | None:
    """A person's name set off by a comma before a speaker phrase that only gives their post, with no comma
    after it ("…, Dana Quill, metals strategist at Acme writes"), else None.

    The post opens in lower case with no determiner and names a firm (a capitalized word) after "at", "of"
    or "with"; the name before the comma is two to four capitalized words (the tagger reads some surnames as
    nouns: "Lim"), with a proper noun among them (`_set_off_name`); a one-word place ("…, Asia, senior
    analysts say") is no person's name."""
    if not len(gap) or not gap[0].is_lower or gap[0].pos_ == "DET" or not any(
            t.lower_ in _POST_LINKS and t.i + 1 < gap.end and doc[t.i + 1].text[:1].isupper() for t in gap):
        return None
    named = _set_off_name(doc, comma)
    if named is None or not 2 <= named[1] - named[0] + 1 <= _MAX_NAME_WORDS \
            or not all(t.is_title and t.is_alpha for t in doc[named[0]:named[1] + 1]):
        return None
    return named


def _name_before_set_off_post(doc: Doc, post: tuple[int, int]) -> tuple[int, int] | None:
    """The person's name set off before a post that is set off itself ("…, Dana Quill, director of the Harbor
    Guild, told"), else None: the post opens in lower case with no determiner and holds a link of
    `_POST_LINKS`; the name is two to four capitalized words."""
    words = doc[post[0]:post[1] + 1]
    if not words[0].is_lower or words[0].pos_ == "DET" or not any(t.lower_ in _POST_LINKS for t in words[1:]):
        return None
    named = _set_off_name(doc, post[0] - 1)
    if named is None or not 2 <= named[1] - named[0] + 1 <= _MAX_NAME_WORDS \
            or not all(t.is_title and t.is_alpha for t in doc[named[0]:named[1] + 1]):
        return None
    return named


def _set_off_name(doc: Doc, comma: int) -> tuple[int, int] | None:
    """The words between the break before ``comma`` and it, when they name someone (a proper noun, no verb)."""
    previous = next((t.i for t in reversed(doc[:comma]) if t.text in _ATTRIBUTION_BREAKS), None)
    if previous is None or previous == 0 or comma - previous - 1 > _MAX_SPEAKER_WORDS:
        return None
    words = doc[previous + 1:comma]
    if not any(t.pos_ == "PROPN" for t in words) or _is_clause(doc, previous + 1, comma - 1):
        return None
    return previous + 1, comma - 1


def _inverted_speaker(doc: Doc, cue: Token, end: int) -> tuple[int, int] | None:
    """The speaker after the cue ("…, says Kevin Hassett, the adviser", "…, says Citi in a note"):
    the cue's subject, or the words after it up to a preposition or punctuation (a possessive's
    apostrophe is neither: "says Westbank's Lina Maro")."""
    subject = next((c for c in cue.children if c.dep_ in _SUBJECTS and c.i > cue.i), None)
    if subject is not None:
        return speaker_bounds(subject)
    last = cue.i
    while last < end and not ((doc[last + 1].is_punct or doc[last + 1].pos_ == "ADP")
                              and doc[last + 1].lower_ not in POSSESSIVE_MARKS):
        last += 1
    return (cue.i + 1, last) if last > cue.i else None


def source(doc: Doc, cue: Token, words: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``(content, speaker)`` bounds of "according to X" that opens or closes a clause.

    Closing: no verb follows the source outside its own phrase ("according to a report that cited
    officials"), and the content is the sentence before it, wherever the parser hangs the source.
    """
    source = cue.head
    if cue.dep_ != "case" or source.i < cue.i + words - 1 or source.head.i == source.i:
        return None
    clause = source.head
    src_first, src_last = _subtree_bounds(source)
    first, last = _subtree_bounds(clause)
    speaker = _trim(doc, cue.i + words, src_last)
    if src_first == first and src_first == cue.i:
        return _trim(doc, src_last + 1, last), speaker
    end = _sentence_end(doc)
    after = doc[cue.i + words:end + 1]
    if cue.i > 0 and not any(_is_verb(t) and not src_first <= t.i <= src_last for t in after):
        content = _trim(doc, 0, cue.i - 1)
        if _is_clause(doc, *content):
            return content, speaker
    return None
