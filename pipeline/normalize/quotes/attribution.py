"""Which speaker each quotation takes: its own sentence's cues, a "Name:" label, its neighbours, the body."""

from __future__ import annotations

import re

from pipeline.normalize.quotes.article import (PERSON_KINDS, REOPENED_RULE, ArticleIndex, Cue, Quote, Speaker,
                                               name_form, surname_of, text_of)
from pipeline.normalize.quotes.cue_phrases import left_phrases
from pipeline.normalize.quotes.speaker_phrases import cue_bounds
from pipeline.normalize.quotes.speakers import cue_speaker, resolve_phrase

# Words between a quotation's closing mark and a cue that still attributes it ("," Ryosei Akazawa told).
ATTRIBUTION_WORDS = 8
# Words a "Name:" label before a quotation may have.
MAX_LABEL_WORDS = 15


def label_speaker(art: ArticleIndex, quote: Quote) -> Speaker | None:
    """The speaker a "Name:" label names right before a quotation ("President Trump: “The deal …”").

    The label runs from the paragraph's start, a previous colon or a sentence
    end to the colon that precedes the opening mark.
    """
    p_start = art.text.rfind("\n", 0, quote.outer_start) + 1
    head = art.text[p_start:quote.outer_start]
    colon = re.search(r":[\s*]*$", head)
    if colon is None:
        return None
    label_end = p_start + colon.start()
    cut = max(art.text.rfind(ch, p_start, label_end) for ch in ":.!?")
    label_start = cut + 1 if cut >= p_start else p_start
    label = art.text[label_start:label_end]
    if not re.search(r"\w", label) or len(label.split()) > MAX_LABEL_WORDS \
            or any(q.outer_start < label_end and q.outer_end > label_start for q in art.quotes) \
            or any(c.start < label_end and c.end > label_start for c in art.cues):
        return None  # a sentence, not a name: its own cue failed, so the label names no one
    first = art.token_at_or_after(label_start)
    last = art.token_at_or_after(label_end) - 1
    while first <= last and not art.tokens[first].is_word:
        first += 1
    while last >= first and not art.tokens[last].is_word:
        last -= 1
    if first > last:
        return None
    words = [t for t in art.tokens[first:last + 1] if t.is_word]
    persons = art.mentions_in(PERSON_KINDS, art.tokens[first].start, art.tokens[last].end)
    if not persons and all(t.text[0].isupper() or t.lower in art.lexicon.label_title_case for t in words) \
            and words[0].text[0].isupper():
        # A label in title case is a name as a whole ("Alliance for the Future:", "American Beverage:").
        name = text_of(art, art.tokens[first:last + 1])
        return Speaker(name, None, name, "name")
    return resolve_phrase(art, first, last, quote.outer_start, prefer_last=True)


def _window(art: ArticleIndex, quote: Quote) -> tuple[int, int]:
    first = art.sentences[art.sentence_of(quote.outer_start)]
    last = art.sentences[art.sentence_of(max(quote.outer_end - 1, quote.outer_start))]
    p_start = art.text.rfind("\n", 0, quote.outer_start) + 1
    p_end = art.text.find("\n", max(quote.outer_end - 1, 0))
    p_end = len(art.text) if p_end < 0 else p_end
    return max(first[0], p_start), min(max(last[1], quote.outer_end), p_end)


def _parenthesized(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` crosses a parenthesis (a cue in an aside speaks for no one outside it)."""
    return text.count("(", start, end) != text.count(")", start, end)


def _next_line_cue(art: ArticleIndex, quote: Quote) -> Cue | None:
    """A cue opening the line after a quotation that ends its line ("… ''" / "said Stephen Harper .")."""
    line_end = art.text.find("\n", quote.outer_end)
    if line_end < 0 or re.search(r"\w", art.text[quote.outer_end:line_end]):
        return None
    next_start = line_end + 1
    for cue in art.cues:
        if cue.start >= next_start:
            opening = art.text[next_start:cue.start]
            if not opening.strip() and art.text[cue.start:cue.end].islower():
                return cue
            return None
    return None


def own_speaker(art: ArticleIndex, index: int) -> tuple[Speaker | None, bool]:
    """The speaker a quotation's own sentence names, and whether the sentence attributes it at all.

    Tried in order: the cue right after it (", he said"), cues before it in
    the same stretch of reporter's text (nearest first), the speaker of the
    previous quotation of the sentence, cues further after it, cues beyond
    the neighbouring quotations, and a "Name:" label. The flag is true when a
    cue stands right beside the quotation: its speaker, if unresolved, is
    someone the rules cannot name, and the neighbours must not be borrowed.
    """
    quote = art.quotes[index]
    start, end = _window(art, quote)
    previous = art.quotes[index - 1] if index else None
    following = art.quotes[index + 1] if index + 1 < len(art.quotes) else None
    floor = max(start, previous.outer_end) if previous and previous.outer_end > start else start
    ceiling = min(end, following.outer_start) if following and following.outer_start < end else end
    after = [c for c in art.cues if quote.outer_end <= c.start < ceiling
             and not _parenthesized(art.text, quote.outer_end, c.start)]
    before = [c for c in art.cues if floor <= c.start and c.end <= quote.outer_start
              and not _parenthesized(art.text, c.end, quote.outer_start)]
    adjacent = None
    # A participle after the quotation ("…” by the moves, adding, “…”) introduces what follows it.
    if after and not art.text[after[0].start:after[0].end].endswith("ing"):
        gap = art.text[quote.outer_end:after[0].start]
        if len(gap.split()) <= ATTRIBUTION_WORDS and not re.search(r"[.;:!?]", gap):
            adjacent, after = after[0], after[1:]
    if adjacent is None:
        adjacent = _next_line_cue(art, quote)
    attributed = adjacent is not None or bool(before)
    steps: list[Cue | None] = ([adjacent] if adjacent else []) + before[::-1] + [None] + after
    rest = [c for c in art.cues if start <= c.start < end and not (floor <= c.start < ceiling)
            and not art.inside_quote(c.start)]
    rest.sort(key=lambda c: min(abs(c.start - quote.outer_end), abs(quote.outer_start - c.end)))
    for cue in steps + rest:
        if cue is None:  # the previous quotation of the same sentence
            if previous is not None and previous.outer_end > start and art.resolved[index - 1][1] is not None:
                return art.resolved[index - 1][1], True
            continue
        lo, hi = (start, end) if start <= cue.start < end else _paragraph_bounds(art, cue.start)
        speaker = cue_speaker(art, cue, *cue_bounds(art, cue, lo, hi))
        if speaker is None:
            continue
        if cue is adjacent and speaker.kind == "organization":
            # "Khamenei said …, “…,” the radio reported": the outlet relays, the person speaks.
            for other in before[::-1]:
                person = cue_speaker(art, other, *cue_bounds(art, other, start, end))
                if person is not None and person.kind == "person":
                    return person, True
        return speaker, True
    return label_speaker(art, quote), attributed


def _reporter_text(art: ArticleIndex, start: int, end: int) -> str:
    pieces, cursor = [], start
    for quote in art.quotes:
        if quote.outer_end <= start or quote.outer_start >= end:
            continue
        pieces.append(art.text[cursor:max(cursor, quote.outer_start)])
        cursor = max(cursor, quote.outer_end)
    pieces.append(art.text[cursor:end])
    return "".join(pieces)


def _paragraph_bounds(art: ArticleIndex, position: int) -> tuple[int, int]:
    start = art.text.rfind("\n", 0, position) + 1
    end = art.text.find("\n", position)
    return start, len(art.text) if end < 0 else end


def neighbour_speaker(art: ArticleIndex, index: int) -> Speaker | None:
    """The speaker of a quotation with no cue of its own, from its neighbours (see the module docstring)."""
    quote = art.quotes[index]
    p_start, p_end = _paragraph_bounds(art, quote.outer_start)
    previous = [(q, s) for q, s in art.resolved[:index]]
    if previous:
        last_quote, last_speaker = previous[-1]
        if last_quote.rule == REOPENED_RULE and last_speaker is not None \
                and art.paragraph_of(last_quote.outer_end) < art.paragraph_of(quote.outer_start):
            return last_speaker
        if last_speaker is not None and last_quote.outer_end > p_start:
            return last_speaker
    sentence = art.sentence_of(quote.outer_start)
    if sentence > 0:
        s_start, s_end, _ = art.sentences[sentence - 1]
        if s_start >= p_start or not re.search(r"[a-z]", _reporter_text(art, p_start, p_end)):
            cues = [c for c in art.cues if s_start <= c.start < s_end and not art.inside_quote(c.start)]
            for cue in cues:
                speaker = cue_speaker(art, cue, s_start, s_end)
                if speaker is not None:
                    return speaker
    if sentence + 1 < len(art.sentences):
        s_start, s_end, _ = art.sentences[sentence + 1]
        if s_start < p_end:  # "“…” Gros reiterated that …": the next sentence's subject speaks
            first_word = art.token_at_or_after(s_start)
            for cue in [c for c in art.cues if s_start <= c.start < s_end and not art.inside_quote(c.start)][:1]:
                phrases = left_phrases(art, cue, s_start)
                if phrases and phrases[0][0] == first_word:
                    speaker = cue_speaker(art, cue, s_start, s_end)
                    if speaker is not None:
                        return speaker
    # "…, he said. Peters likes Treasurys. “…”": the last speaker of the paragraph's earlier sentences
    speaker = _last_cue_speaker(art, p_start, sentence - 1)
    if speaker is not None:
        return speaker
    reporter = _reporter_text(art, p_start, p_end)
    alone = not re.search(r"[a-z]", reporter)  # nothing but the quotation (and a sign-off: "REUTER")
    if previous and alone:
        last_quote, last_speaker = previous[-1]
        between = art.text[last_quote.outer_end:p_start]
        lines_between = [line for line in between.split("\n")[1:] if re.search(r"\w", line)]
        if last_speaker is not None and not lines_between:
            return last_speaker
    if alone and p_start > 0:
        # "…, Monex Europe said. …, it said.\n“…”": the paragraph before speaks on in the quotation's own
        return _last_cue_speaker(art, _paragraph_bounds(art, p_start - 1)[0], sentence - 1)
    return _continued_speaker(art, index, p_start, p_end)


def _continued_speaker(art: ArticleIndex, index: int, p_start: int, p_end: int) -> Speaker | None:
    """The person quoted last, for a quotation in a paragraph with no cue that goes on about them.

    "…,” Dana Quill added.\nThe course has already had “some applications.”" is Quill's; so is "Quill
    also revealed talks are under way, and the firm has a fallback “to win a partner.”" (a verb no cue
    list holds). The paragraph must name no other person, and either name the speaker or follow the
    speaker's own quotation (a heading between is skipped: it names no one).
    """
    if any(p_start <= c.start < p_end and not art.inside_quote(c.start) for c in art.cues):
        return None  # the paragraph attributes something: its cue failed, so guessing is wrong
    last = next(((q, s) for q, s in reversed(art.resolved[:index]) if s is not None), None)
    if last is None or last[1].kind != "person" or not last[1].name:
        return None
    last_quote, speaker = last
    surname = surname_of(speaker.name)
    named = {surname_of(name_form(m)) for m in art.mentions_in(PERSON_KINDS, p_start, p_end)}
    if named - {surname}:
        return None
    if surname in named:
        return speaker
    between = art.text[last_quote.outer_end:p_start].split("\n")[1:]
    if all(_is_short_unstopped_line(line) for line in between if line.strip()):
        return speaker
    return None


def _is_short_unstopped_line(line: str) -> bool:
    """A short line that ends in no stop ("A Course for Only 25 Traders"): a heading, not running text.

    Looser than `items._is_heading`, which also asks for title case: that one opens a new item of a digest, so
    a line cut short by wrapping must not pass it; here the line only stands between a speaker's quotation and
    the next paragraph, and any short line there, in whatever case, names no other speaker."""
    return not re.search(r"[.!?:;,\"”’']\s*$", line) and len(line.split()) <= 15


def _last_cue_speaker(art: ArticleIndex, floor: int, sentence: int) -> Speaker | None:
    """The speaker of the last cue (outside quotations) in the sentences from ``floor`` up to ``sentence``,
    looking back sentence by sentence from ``sentence``; None when none names one."""
    for back in range(sentence, -1, -1):
        s_start, s_end, _ = art.sentences[back]
        if s_start < floor:
            break
        for cue in reversed([c for c in art.cues if s_start <= c.start < s_end and not art.inside_quote(c.start)]):
            speaker = cue_speaker(art, cue, *cue_bounds(art, cue, s_start, s_end))
            if speaker is not None:
                return speaker
    return None


def headline_speaker(art: ArticleIndex, index: int) -> Speaker | None:
    """A headline quotation's speaker from the body: the same words quoted there, or reported there."""
    quote = art.quotes[index]
    wanted = _comparable(art.text[quote.start:quote.end])
    if len(wanted.split()) < 2:
        return None  # one word matches too much
    for other, speaker in art.resolved:
        if other.start >= art.body_start and speaker is not None:
            found = _comparable(art.text[other.start:other.end])
            if found and (wanted in found or found in wanted):
                return speaker
    position = _comparable_find(art, wanted)
    if position is not None:
        s_start, s_end, _ = art.sentences[art.sentence_of(position)]
        for cue in [c for c in art.cues if s_start <= c.start < s_end]:
            speaker = cue_speaker(art, cue, s_start, s_end)
            if speaker is not None:
                return speaker
    return None


def _comparable(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))


def _comparable_find(art: ArticleIndex, wanted: str) -> int | None:
    words = wanted.split()
    pattern = r"\W+".join(re.escape(w) for w in words)
    match = re.compile(pattern, re.IGNORECASE).search(art.text, art.body_start)
    return match.start() if match else None
