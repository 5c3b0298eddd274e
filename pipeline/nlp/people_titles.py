"""Titles for the people component: lexicon titles widened over rank and portfolio words, and judged.

A title from ``titles.csv`` grows over the rank and portfolio words beside it ("Trade and Industry
Minister", "Deputy U.S. Trade Representative"), is labelled in its shortest clean form, and is
judged government or not by what stands beside it (README.md, "Government or not").
"""

from __future__ import annotations

from pipeline.names import POSSESSIVE_MARKS
from pipeline.nlp.people_tokens import GOVERNMENT_KINDS, Title, Tokens, is_name_word


def find_titles(tokens: Tokens) -> list[Title]:
    """The titles of the document, longest lexicon match first, each marked on its tokens."""
    strings = tokens.rules.nlp.vocab.strings
    matches = sorted(((s, e, strings[k]) for k, s, e in tokens.rules.title_matcher(tokens.doc)),
                     key=lambda m: (-(m[1] - m[0]), m[0]))
    taken = bytearray(tokens.n)
    kept: list[tuple[int, int, str]] = []
    for start, end, key in matches:
        if any(taken[start:end]) or any(tokens.org[start:end]):
            continue
        if ("." in key or key in ("mp", "ustr")) and not tokens.words[start][0].isupper():
            continue  # "Sen.", "Rep.", "MP" are abbreviations only when capitalized
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, end, key))
    kept.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, key in kept:
        # Two titles in a row are one, headed by the last ("official spokesman", "Vice Chairman").
        if merged and merged[-1][1] == start and tokens.spaces[start - 1] == " ":
            merged[-1] = (merged[-1][0], end, key)
        else:
            merged.append((start, end, key))
    titles = []
    for start, end, key in merged:
        title = _widen(tokens, start, end, key)
        titles.append(title)
        for i in range(title.start, title.end):
            tokens.title_at[i] = title
    return titles


def _widen(tokens: Tokens, start: int, end: int, key: str) -> Title:
    """The title phrase around a lexicon match: rank and portfolio words to the left (past places and
    organizations), "of/for <portfolio>" to the right; the label keeps ranks and portfolios only."""
    words = tokens.words
    kept: list[int] = []
    beside_place = former = party = False
    first = start
    j = start - 1
    while j >= 0 and start - j <= 6 and tokens.spaces[j] == " ":
        roles = tokens.roles(j)
        if tokens.org[j]:
            # An organization ("White House spokesman") is beside the title, not part of it; a "former"
            # before it still ends the office ("former Bank of Japan head").
            while j >= 0 and tokens.org[j]:
                j -= 1
            former = former or (j >= 0 and "former" in tokens.roles(j))
            break
        if tokens.place[j]:
            beside_place = True
        elif "portfolio" in roles and (tokens.lower(j) != "and" or (j >= 1 and "portfolio" in tokens.roles(j - 1))):
            kept.append(j)
        elif roles & {"keep", "drop", "former", "party"}:
            kept.append(j)
            former = former or "former" in roles
            party = party or "party" in roles
        else:
            break
        if kept and kept[-1] == j:
            first = j
        j -= 1
    last = _widen_right(tokens, end)
    label_tokens = [i for i in range(first, last)
                    if i >= start or (i in kept and not tokens.roles(i) & {"drop", "former"})]
    # an abbreviation the tokenizer splits from its period ("Pres.") keeps it attached in the label
    label = " ".join(words[i] for i in label_tokens).replace(" .", ".")
    return Title(first, last, label, tokens.rules.titles[key], former=former,
                 alone=tokens.rules.titles[key][4] == "yes", beside_place=beside_place, party=party)


def _widen_right(tokens: Tokens, end: int) -> int:
    """End of "of/for (the) <portfolio words>" after a title ("Secretary of the Treasury", "Envoy for Climate
    Change"), or ``end`` when there is none or the words open an organization's name ("chairman of the State
    Agro-Industrial Committee")."""
    if end + 1 >= tokens.n or tokens.lower(end) not in ("of", "for") or tokens.spaces[end] != " ":
        return end
    m = end + 1
    if tokens.lower(m) == "the" and m + 1 < tokens.n:
        m += 1
    p = m
    while p < tokens.n and not tokens.place[p] and not tokens.org[p] and (tokens.words[p][:1].isupper() and (
            "portfolio" in tokens.roles(p) or tokens.lower(p) in tokens.rules.common) or tokens.lower(p) == "and"):
        p += 1
    while p > m and tokens.lower(p - 1) == "and":
        p -= 1
    if p == m or not any("portfolio" in tokens.roles(k) for k in range(m, p)):
        return end
    q = p
    words, r = tokens.words, tokens.rules
    while q < tokens.n and (words[q][:1].isupper() or words[q] in ("-", "of", "and")):
        if words[q] in r.org_last or words[q] in r.nonnames and words[q] != "The":
            return end
        q += 1
    return p


def judge_titles(tokens: Tokens, titles: list[Title]) -> None:
    """Decide for every title whether it acts for a government (README.md, "Government or not")."""
    for title in titles:
        # A former office still makes an official ("former President Joe Biden"); the normalizer flags the
        # person `is_former` from the title's rule id.
        title.government = _government(tokens, title)


def _government(tokens: Tokens, title: Title) -> bool:
    verdict = title.row[1]
    if verdict != "context":
        return verdict == "yes"
    if title.party or title.beside_place:
        return True
    decided = _side_kind(tokens, title.start - 1, before=True)
    last = title.end
    if decided is None and last + 1 < tokens.n and tokens.lower(last) in ("of", "for", "at") \
            and tokens.spaces[last] == " ":
        k = last + 1
        if tokens.lower(k) == "the" and k + 1 < tokens.n:
            k += 1
        decided = _side_kind(tokens, k, before=False)
    if decided is None:
        return title.row[2] == "yes"
    return decided


def _side_kind(tokens: Tokens, i: int, *, before: bool) -> bool | None:
    """Government (True), not (False) or undecided (None) from the token beside a title."""
    r = tokens.rules
    if i < 0 or i >= tokens.n:
        return None
    if before and tokens.words[i] in POSSESSIVE_MARKS and i >= 1:
        i -= 1
    if tokens.place[i]:
        return True
    if tokens.org[i]:
        return tokens.org_kind.get(i) in GOVERNMENT_KINDS
    generic = r.org_generic.get(tokens.lower(i))
    if generic is not None:
        return generic in GOVERNMENT_KINDS
    word = tokens.words[i]
    if word in r.org_last:
        return r.org_last[word] in GOVERNMENT_KINDS
    if is_name_word(word) and word not in r.nonnames and tokens.title_at[i] is None \
            and word.lower() not in r.common and not tokens.opens_sentence(i):
        return False  # an unknown capitalized name beside the title: a company ("Toyota president")
    return None
