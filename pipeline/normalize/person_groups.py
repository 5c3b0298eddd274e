"""An article's name mentions grouped into persons, and the titles stated next to the names (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.names import fullest_form, name_words, slug, surname_keys
from pipeline.normalize.known_officials import KnownOfficial, Resources
from pipeline.views import Mention

# Text between a title and the name it belongs to: "Title NAME", "Title, NAME",
# "Title <in/at/of … phrase>, NAME" (a phrase without sentence punctuation).
_TITLE_THEN_NAME = re.compile(r" ?,? ?| (?:of|for|at|in|with) [^,.;:\"“”()\n]{0,60}, ?")
# Text between a name and its apposition's title: "NAME, Japan's top …", "NAME, the Apple …".
_NAME_THEN_TITLE = re.compile(
    r" ?, ?(?:(?:[A-Z][\w.&'’-]*|the|a|an|his|her|its|their|['’]s|former|formerly|currently|now|also|top|chief|"
    r"senior|deputy|special|acting|vice|assistant|associate|then|and|of|for) ?){0,7}")


@dataclass
class PersonGroup:
    """One person of one article while it is being resolved."""

    keys: set[str]
    names: list[Mention] = field(default_factory=list)
    titles: list[Mention] = field(default_factory=list)  # titles standing alone that refer to the person
    stated: Mention | None = None  # the title stated next to a name of the person (first one)
    former: bool = False  # that title is one the person no longer holds ("former President")
    title: str | None = None
    official: bool = False
    country: str | None = None
    organization: str | None = None
    canonical: str = ""
    known: KnownOfficial | None = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.names)

    @property
    def name(self) -> str:
        """The fullest form of the name in the article."""
        return fullest_form(tuple(m.text for m in self.names))


def group_names(names: Sequence[Mention], resources: Resources) -> list[PersonGroup]:
    """Full names make persons (a repeated full name joins its person); one-word names join the nearest
    person before them with that surname (else the first after), or make a person of their own."""
    groups: list[PersonGroup] = []
    by_full: dict[str, PersonGroup] = {}
    single: list[Mention] = []
    # Fuller names first, so that a shorter multi-word form ("De Clercq") finds "Willy de Clercq".
    for mention in sorted(names, key=lambda m: (-len(name_words(m.text)), m.start)):
        words = name_words(mention.text)
        if len(words) < 2:
            single.append(mention)
            continue
        key = slug(" ".join(words))
        group = by_full.get(key)
        if group is None:
            shorter = [g for g in groups if " ".join(words).lower() in g.keys]
            group = shorter[0] if shorter else None
        if group is None:
            group = PersonGroup(surname_keys(words, resources.particles, resources.family_first))
            groups.append(group)
        by_full[key] = group
        group.names.append(mention)
    for mention in sorted(single, key=lambda m: m.start):
        word = " ".join(name_words(mention.text)).lower()
        candidates = [g for g in groups if word in g.keys]
        if candidates:
            before = [g for g in candidates if g.first <= mention.start]
            group = max(before, key=lambda g: g.first) if before else min(candidates, key=lambda g: g.first)
        else:
            group = PersonGroup({word})
            groups.append(group)
        group.names.append(mention)
    return groups


def stated_titles(text: str, names: Sequence[Mention], titles: Sequence[Mention]) -> dict[str, Mention]:
    """For each name mention, the title stated next to it ("Treasury Secretary Scott Bessent", "Ryosei
    Akazawa, Japan's top trade negotiator"), or — for an official whose label names a title said elsewhere
    in the article — that title's mention."""
    out: dict[str, Mention] = {}
    name_starts = [m.start for m in names]
    # Here and below the text between two mentions is matched where it stands (``pos``, ``endpos``), not
    # sliced out: every name meets every title, and a slice would copy all the text between them.
    for mention in names:
        before = [t for t in titles
                  if t.end <= mention.start and _TITLE_THEN_NAME.fullmatch(text, t.end, mention.start)]
        after = [t for t in titles if t.start >= mention.end and _NAME_THEN_TITLE.fullmatch(text, mention.end, t.start)
                 and not any(mention.end < s < t.start for s in name_starts)]
        beside = before[-1:] + after[:1]
        if mention.label and any(t.label == mention.label for t in beside):
            beside = [t for t in beside if t.label == mention.label]  # the title the extractor stated
        if beside:
            out[mention.mention_id] = beside[0]
            continue
        if mention.kind == "official" and mention.label:
            same = [t for t in titles if t.label == mention.label]
            earlier = [t for t in same if t.end <= mention.start]
            if earlier or same:
                out[mention.mention_id] = (earlier or same)[-1 if earlier else 0]
    return out


def stands_beside(text: str, title: Mention, mention: Mention) -> bool:
    """The title stands next to the name (before it, or in its apposition)."""
    if title.end <= mention.start:
        return bool(_TITLE_THEN_NAME.fullmatch(text, title.end, mention.start))
    return title.start >= mention.end and bool(_NAME_THEN_TITLE.fullmatch(text, mention.end, title.start))


def title_head(title: str | None) -> str:
    """The head word of a title in lower case ("Trade Minister" → "minister"), or an empty string."""
    return title.split()[-1].lower() if title else ""
