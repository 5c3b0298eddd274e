"""Forms of a person's name: its words, its id form, the keys that name the person alone (pure).

Shared by the people component, which groups a document's names, and the people and officials
normalizers, which group an article's mentions into persons and give them ids.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# The marks of a possessor as tokens: "Japan's", and the bare apostrophe after a name ending in s ("Paris' duties").
POSSESSIVE_S_MARKS = frozenset({"'s", "’s"})
POSSESSIVE_MARKS = POSSESSIVE_S_MARKS | {"'", "’"}
_INITIAL = re.compile(r"[A-Z]\.")
_POSSESSIVE_S = re.compile(r"['’]s\b")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_NOT_SLUG = re.compile(r"[^a-z0-9-]")
_SPACES = re.compile(r"\s+")
# The same few names come back in every article: both functions below are pure, so their answers are kept.
NAME_CACHE_SIZE = 65_536


def name_words(text: str) -> list[str]:
    """The words of a name as written, without a possessive ending, initials or punctuation."""
    return list(_name_words(text))


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _name_words(text: str) -> tuple[str, ...]:
    text = _POSSESSIVE_END.sub("", text.strip())
    return tuple(w for w in text.split() if any(c.isalpha() for c in w) and not _INITIAL.fullmatch(w))


def written_form(text: str) -> str:
    """A name as written, initials kept, without a possessive ending or extra spaces ("Donald  J. Trump's" →
    "Donald J. Trump")."""
    return " ".join(_POSSESSIVE_END.sub("", text.strip()).split())


def distinctive_surname(word: str, common: frozenset[str], given: frozenset[str],
                        family_first: frozenset[str]) -> bool:
    """Whether a surname written alone names one listed person ("Trump", "Akazawa"), not anyone of a common
    name: it is no common word ("He", "Young"), no given name ("Ross", "Johnson") and no family name written
    first ("Li", "Kim"), which many people share."""
    return not (word.lower() in common or word in given or word in family_first)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def slug(name: str) -> str:
    """The id form of a name: ASCII-folded, lower case, single-letter initials dropped, words joined by "-"
    ("Donald J. Trump" → "donald-trump", "Willy de Clercq" → "willy-de-clercq")."""
    name = _POSSESSIVE_S.sub("", name)
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    words = [_NOT_SLUG.sub("", w) for w in _SPACES.split(folded.replace(".", ". "))]
    kept = [w.strip("-") for w in words if len(w.strip("-")) > 1]
    return "-".join(kept)


def surname_keys(words: Sequence[str], particles: frozenset[str], family_first: frozenset[str]) -> set[str]:
    """Lower-case forms that name the person alone: full name, surname with its particles, last word, and
    the family name of a family-name-first name ("He Lifeng" → "he")."""
    if not words:
        return set()
    keys = {" ".join(words).lower()}
    if len(words) >= 2:
        i = len(words) - 1
        while i > 1 and words[i - 1].lower() in particles:
            i -= 1
        keys.add(" ".join(words[i:]).lower())
        keys.add(words[-1].lower())
        if words[0] in family_first and len(words) <= 3:
            keys.add(words[0].lower())
    return keys


@lru_cache(maxsize=NAME_CACHE_SIZE)
def fullest_form(texts: tuple[str, ...]) -> str:
    """The fullest of the forms a person is named by: most words, not all capitals, longest, first.

    Kept, like the name functions above: it is asked several times per person, and the same
    persons are named the same ways across articles.
    """
    forms = [written_form(text) for text in texts]
    return max(forms, key=lambda f: (len(name_words(f)), not f.isupper(), len(f), -forms.index(f)))
