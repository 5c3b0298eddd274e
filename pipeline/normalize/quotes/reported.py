"""Reported speech: ``reported`` mentions (from the parse, `pipeline.nlp.reported_speech`) → quotations.

Each ``reported`` mention spans what a speaker said without quotation marks;
its label carries the cue's lemma and the offsets of the cue and of the
speaker's words (the cue's subject, or the X of "according to X"). Here the
mention becomes a quotation of type

- ``indirect`` when no quotation mark falls in its content;
- ``mixed`` when a quoted fragment stands inside it ("He noted that the deal
  was "a good first step" for both sides"): the fragment keeps its own
  ``direct`` row, the reported clause gets this one;

and is dropped when the content is a quotation after all (``"We will fight,"
he said``: the direct row has it) or lies inside one (the speaker reporting
someone else). The speaker's words are resolved as a cue's are
(`pipeline.normalize.quotes.speakers.resolve_phrase`): a person's fullest
name, "he" or "the minister" to the person the article named, an
organization; when the parse named no subject, the cue's own attribution
rules are tried.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace

from pipeline.labels import parse_label, parse_offsets
from pipeline.normalize.quotes.article import PERSON_KINDS, ArticleIndex, Cue, Quote, Speaker
from pipeline.normalize.quotes.cue_phrases import right_phrase
from pipeline.normalize.quotes.items import after_clock
from pipeline.normalize.quotes.descriptions import located_description
from pipeline.normalize.quotes.speaker_phrases import cue_bounds
from pipeline.normalize.quotes.speakers import cue_speaker, resolve_phrase
from pipeline.views import Mention

KIND = "reported"
# Marks that end a speaker's phrase before its cue: a person named past one is not the speaker.
_BREAK = re.compile(r"[,;:()\"“”\n]")
# How many tokens before a cue a negation may stand ("did not say").
NEGATION_REACH = 4


def quote_type(art: ArticleIndex, start: int, end: int) -> str | None:
    """``indirect`` or ``mixed`` for reported content ``[start, end)``; None when it is a quotation's own text.

    The direct quotations are ``art.quotes``. Content that starts inside one,
    or whose words all stand inside quotation marks, is not reported speech.
    """
    overlapping = [q for q in art.quotes if q.outer_start < end and q.outer_end > start]
    if not overlapping:
        return "indirect"
    if any(q.outer_start <= start < q.outer_end for q in overlapping):
        return None
    outside = list(art.text[start:end])
    for quote in overlapping:
        for position in range(max(quote.outer_start, start), min(quote.outer_end, end)):
            outside[position - start] = " "
    return "mixed" if any(ch.isalpha() for ch in outside) else None


def _speaker(art: ArticleIndex, mention: Mention, fields: dict[str, str]) -> Speaker | None:
    """The speaker the parse names (resolved like a cue's phrase), else the cue's own attribution."""
    cue_at = parse_offsets(fields.get("cue"))
    position = cue_at[0] if cue_at else mention.start
    words = parse_offsets(fields.get("speaker"))
    if words is not None and (_names_a_time(art, words) or _only_a_relative(art, words)):
        # "Kestrel Oil, the refiner, said last week that …": the parse took the time for the subject;
        # "Acme Motors, which said …": the relative word points to the name before its comma (`left_phrases`)
        words = None
    if words is not None:
        words = _before_a_time(art, words)
    if words is not None and cue_at is not None:
        words = _through_named_person(art, words, cue_at[0])
        words = _on_to_named_person(art, words, cue_at)
        words = _on_to_located_description(art, words, cue_at[0])
    if words is not None:
        first = art.token_at_or_after(words[0])
        last = bisect_right(art.token_starts, words[1] - 1) - 1
        found = resolve_phrase(art, first, last, position, prefer_last=True, unnamed=True)
        if found is not None:
            return Speaker(found.name, found.official_id, found.text, found.kind, fields.get("lemma"))
        return Speaker(None, None, art.text[words[0]:words[1]], "unresolved", fields.get("lemma"))
    cue = next((c for c in art.cues if cue_at and c.start == cue_at[0]), None)
    if cue is None:
        return None
    sentence = art.sentences[art.sentence_of(cue.start)]
    found = cue_speaker(art, cue, *cue_bounds(art, cue, sentence[0], sentence[1]))
    return found if found is not None else _speaker_of_participle(art, cue, sentence[0])


def _speaker_of_participle(art: ArticleIndex, cue: Cue, s_start: int) -> Speaker | None:
    """The speaker of an -ing cue after a comma that goes on from an earlier cue of its sentence ("…, according
    to Acme analyst Jane Roe, noting that …", "…, analysts at Acme said, adding that …"): that cue's speaker.
    None for any other cue, or when no earlier cue of the sentence, outside quotations, names one."""
    if not art.text[cue.start:cue.end].lower().endswith("ing") or not art.text[:cue.start].rstrip().endswith(","):
        return None
    for earlier in sorted((c for c in art.cues if s_start <= c.start < cue.start and not art.inside_quote(c.start)),
                          key=lambda c: -c.start):
        found = cue_speaker(art, earlier, *cue_bounds(art, earlier, s_start, cue.start))
        if found is not None:
            return replace(found, cue=cue.lemma)
    return None


def _names_a_time(art: ArticleIndex, words: tuple[int, int]) -> bool:
    """True when the speaker's words are a date or a time ("last week", "Monday"): a time never speaks."""
    return any(m.start <= words[0] and words[1] <= m.end for m in art.by_kind.get("date", []))


def _only_a_relative(art: ArticleIndex, words: tuple[int, int]) -> bool:
    """True when the speaker's words are one relative word ("which", "who"): it names no one itself."""
    word = art.text[words[0]:words[1]].strip().lower()
    return art.lexicon.word_class(word) == "relative" or word in art.lexicon.clause_relatives


def _before_a_time(art: ArticleIndex, words: tuple[int, int]) -> tuple[int, int]:
    """The speaker's words up to a time adverbial inside them ("The president for weeks", "Officials a decade
    ago"): the parse may take the adverbial into the subject, and its last word would be read as the head.

    The cut falls at a date the rules tagged, or at a noun of a stretch of time (``time_noun`` in
    ``words.csv``), when a preposition or determiner opens it ("for weeks", "on Monday", "a decade
    ago"); a date another word qualifies ("Late yesterday the company", "narrow movements of recent weeks") or one
    that starts a name ("a poll in the Sunday Times", "the Trade Act of 1974") is no adverbial.
    """
    first = art.token_at_or_after(words[0])
    last = bisect_right(art.token_starts, words[1] - 1) - 1
    dates = art.by_kind.get("date", [])
    opening = ("boundary", "determiner")
    for k in range(first + 1, last + 1):
        token, before = art.tokens[k], art.tokens[k - 1]
        if before.lower == "of" or not (art.lexicon.word_class(before.lower) in opening
                                        or art.lexicon.word_class(token.lower) in opening):
            continue
        after = art.tokens[k + 1] if k + 1 <= last else None
        in_name = after is not None and after.text[:1].isupper() and not any(
            m.start <= after.start < m.end for m in dates)
        if not (token.text.islower() and art.lexicon.word_class(token.lower) == "time_noun"
                or not in_name and any(m.start == token.start and m.end <= words[1] for m in dates)):
            continue
        end = k
        while end > first and art.lexicon.word_class(art.tokens[end - 1].lower) in opening:
            end -= 1
        if end > first:  # "The 1987 report": nothing but a determiner would be left, so the time is the head
            return words[0], art.tokens[end - 1].end
    return words


def _through_named_person(art: ArticleIndex, words: tuple[int, int], cue_start: int) -> tuple[int, int]:
    """The speaker's words, up to the cue when the parse stopped short of a person named right before it.

    The parse sometimes takes only the start of a long subject as the
    speaker ("ING" of "ING's Deepali Bhargava says", "Zaye Capital Markets
    analyst" of "… analyst Naeem Aslam says", "which" of "which Trump says");
    when only words (no punctuation) stand between those words and the cue and
    they end in a person's name right before it, the phrase runs to the cue
    and the person speaks ("lawmakers argued … concessions to Reagan and said"
    keeps its lawmakers).
    """
    start, end = words
    if not start < end <= cue_start or _BREAK.search(art.text, end, cue_start):
        return words
    named = [m for m in art.mentions_in(PERSON_KINDS, end, cue_start) if end <= m.start and m.end <= cue_start
             and not art.possessive(m) and not art.text[m.end:cue_start].strip()]
    return (start, named[-1].end) if named else words


def _on_to_located_description(art: ArticleIndex, words: tuple[int, int], cue_start: int) -> tuple[int, int]:
    """The speaker's words, on to the cue when the parse stopped at a place before a located description.

    "The Evanston, Illinois-based company said": the parse may take "The Evanston" for the subject; when a
    comma and a description of where a body sits (`descriptions.located_description`) are all that stand
    between those words and the cue, the phrase runs to the cue and the description speaks.
    """
    comma = art.token_at_or_after(words[1])
    cue = art.token_at_or_after(cue_start)
    if comma >= len(art.tokens) or art.tokens[comma].text != "," or cue - comma < 2:
        return words
    tail = [t for t in art.tokens[comma + 1:cue] if t.is_word]
    if not tail or not located_description(art, tail, tail[-1]):
        return words
    return words[0], art.tokens[cue - 1].end


def _on_to_named_person(art: ArticleIndex, words: tuple[int, int], cue_at: tuple[int, int]) -> tuple[int, int]:
    """The speaker's words after a cue, on to the person the cue's phrase names past where the parse stopped.

    "…, says Ford Motor Co. (F) CEO Jim Farley": the parse may end the
    subject at the ticker; the phrase the cue's own rules read
    (`right_phrase`) runs on to the person, who speaks rather than the firm.
    """
    cue = next((c for c in art.cues if c.start == cue_at[0]), None)
    if cue is None or words[0] < cue.end:
        return words
    phrase = right_phrase(art, cue, art.sentences[art.sentence_of(cue.start)][1])
    if phrase is None:
        return words
    start, end = art.tokens[phrase[0]].start, art.tokens[phrase[1]].end
    if not start <= words[0] < words[1] < end:
        return words
    named = [m for m in art.mentions_in(PERSON_KINDS, words[1], end) if m.start >= words[1] and m.end <= end]
    return (words[0], named[-1].end) if named else words


def _unanswered_question(art: ArticleIndex, mention: Mention, fields: dict[str, str]) -> bool:
    """True for a question the speaker did not answer: "did not say whether …", "wouldn't say if …".

    The content opens with "whether" or "if" and a negation (the ``modal`` mention labelled
    ``negated``) stands among the words right before the cue: nothing was said. Without a negation
    the clause is what was said ("said if talks fail, tariffs rise").
    """
    first = art.text[mention.start:mention.end].split(maxsplit=1)[:1]
    cue_at = parse_offsets(fields.get("cue"))
    if not first or first[0].lower() not in art.lexicon.question_openers or cue_at is None:
        return False
    cue = art.token_at_or_after(cue_at[0])
    floor = art.tokens[max(cue - NEGATION_REACH, 0)].start
    return any(m.label == "negated" and floor <= m.start < cue_at[0] for m in art.by_kind.get("modal", []))


def reported_quotes(art: ArticleIndex) -> Iterator[tuple[Quote, str, Speaker | None]]:
    """``(quote, quote_type, speaker)`` for every ``reported`` mention that is reported speech, in text order.

    Call after the direct quotations are in ``art.quotes`` (and their speakers
    in ``art.resolved``, which pronouns look back through). Two reports of the
    same content (two cues over one clause) give one row, the first's.
    """
    seen: set[tuple[int, int]] = set()
    for mention in sorted(art.by_kind.get(KIND, []), key=lambda m: (m.start, m.end, m.rule_id)):
        if (mention.start, mention.end) in seen or mention.end <= mention.start:
            continue
        start = after_clock(art, mention.start)  # a digest item's time stamp is none of the content
        kind = quote_type(art, start, mention.end)
        if kind is None:
            continue
        fields = parse_label(mention.label)
        if _unanswered_question(art, mention, fields):
            continue
        seen.add((mention.start, mention.end))
        quote = Quote(start, mention.end, start, mention.end, "partial", mention.rule_id)
        yield quote, kind, _speaker(art, mention, fields)
