"""From a noun phrase next to a cue to a speaker: persons, pronouns, titles, organizations, unnamed sources."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.normalize.quotes.article import (PERSON_KINDS, POSSESSIVE, ArticleIndex, Cue, Speaker, Token, bare_word,
                                               capitalized_run, name_form, organization_name, strip_determiners,
                                               text_of)
from pipeline.normalize.quotes.cue_phrases import left_phrases, right_phrase
from pipeline.normalize.quotes.descriptions import (described_before, earlier_description, firm_after_staff, firm_of_staff,
                                                    located_description, named_next, resolve_body, resolve_publication, spelled_out, staff_firm_before)
from pipeline.normalize.quotes.firm_names import names_no_firm
from pipeline.normalize.quotes.items import item_start, names_news_outlet
from pipeline.normalize.quotes.lexicon import PRONOUNS
from pipeline.normalize.quotes.persons import (apposed_person, has_title, named_within, official_of_country,
                                               person_speaker, proper_name, subject_name, title_holder)
from pipeline.normalize.quotes.pronoun_context import (before_a_title, institution_opens_sentence,
                                                       organization_opening_before, postposed_subject,
                                                       pronoun_before_person, starts_with_pronoun)
from pipeline.views import Mention
from pipeline.normalize.quotes.speaker_phrases import (after_a_link, cue_bounds, inside_report, is_joint,
                                                       modifies_a_noun, names_a_role, object_of_preposition,
                                                       one_of_several, phrase_head, plausible_name)

# Speaker kinds "he"/"she" may stand for: a named person, an untagged name, an unnamed single source, a firm's
# voice ("a Drexel spokesman said. He added": the firm, through the one person who spoke for it).
SINGLE_KINDS = ("person", "name", "unnamed", "voice")
# Which speaker a cue prefers when its phrases name several (an apposition: "One of the leaders, Elmano Barbosa").
KIND_ORDER = ("person", "name", "organization", "voice", "unnamed", "group")
# How far back a pronoun looks for the person it stands for, and an epithet ("the Maryland Democrat"), in sentences.
PRONOUN_REACH = 6
EPITHET_REACH = 2
# Words of an untagged name joined to a speaker by "and" ("Trung Tran and Larissa Knepper say").
TEAM_NAME_WORDS = 3


# The noun of "the group": no source noun (see `resolve_phrase`), yet it stands for a body the story named.
GROUP_NOUN = "group"
# Words that open a relative clause about the person named before them.
RELATIVE_PRONOUNS = frozenset({"who", "whom"})


# Articles that leave a noun unnamed ("a bank", "an analyst").
_INDEFINITE = ("a", "an")


def resolve_phrase(art: ArticleIndex, first: int, last: int, position: int, *, prefer_last: bool,
                   pronouns: bool = True, unnamed: bool = False) -> Speaker | None:
    """The speaker named by tokens ``first..last`` (a noun phrase next to a cue), or None.

    ``position`` is where the phrase stands (pronouns look back from there);
    ``prefer_last`` picks the organization or title nearest the end (left of
    a cue, the head comes last) rather than the first one; ``pronouns`` False
    leaves pronouns unresolved (used while resolving another pronoun);
    ``unnamed`` lets any noun phrase after an article be an unnamed source
    (only in the subject place of a speech verb: "an arbitrageur said").
    """
    if first > last:
        return None
    commas = [first + i for i, t in enumerate(art.tokens[first:last + 1]) if t.text == ","]
    if commas and commas[-1] < last and located_description(
            art, [t for t in art.tokens[commas[-1] + 1:last + 1] if t.is_word], art.tokens[last]):
        # "The Evanston, Illinois-based company" (a subject as the parse gives it): the words before the comma
        # name the place, not the speaker; the description after it stands for the firm
        first = commas[-1] + 1
    cited = _cited_name(art, first, last, commas)
    # only after "a"/"an": "Harold Roe, the company's chairman" and the like, cut at "company", describe a person
    described = cited[1] < last and art.tokens[cited[1] + 2].lower in ("a", "an") \
        and art.lexicon.sources.get(bare_word(art.tokens[last].text)) in ("body", "publication")
    first, last = cited
    tokens = art.tokens[first:last + 1]
    start, end = tokens[0].start, tokens[-1].end
    words = [t for t in tokens if t.is_word]
    if described:
        # "Kestrel Air, a regional airline", "Kestrel Weekly, a trade journal": the description says the name
        # is an organization's, however the name rules read it
        tagged = [m for m in art.mentions_in(("organization",), start, end) if not art.possessive(m)]
        name = organization_name(tagged[-1]) if tagged else POSSESSIVE.sub("", text_of(art, tokens))
        return Speaker(name, None, text_of(art, tokens), "organization")
    if len(words) == 1 and art.lexicon.word_class(words[0].lower) in PRONOUNS:
        return resolve_pronoun(art, words[0], position) if pronouns else None
    joint = _joint_speakers(art, first, last, position, pronouns=pronouns, unnamed=unnamed)
    if joint is not None:
        return joint
    if len(words) == 1 and words[0].lower in art.lexicon.team_words and first >= 2 \
            and art.tokens[first - 1].lower == "and":
        # "Tom Poe and colleagues write": the phrase stops at "and", and the one person named speaks for the team
        lead = [m for m in art.persons if m.end == art.tokens[first - 2].end and not art.possessive(m)]
        return person_speaker(art, lead[-1]) if lead else None
    if _unnamed_at_an_unnamed_body(art, words):
        # "a currency trader at a bank said": the role heads the phrase, and neither it nor the body is named
        return Speaker(text_of(art, strip_determiners(art, tokens)), None, text_of(art, tokens), "unnamed")
    if _after_an_unnamed_role(art, first, words):
        # the same phrase cut at its preposition: the role and the body together describe the unnamed source
        role = art.tokens[first - 2:first]
        return Speaker(text_of(art, [*role, *strip_determiners(art, tokens)]), None, text_of(art, tokens), "unnamed")
    head = phrase_head(words)
    if head is not None and art.lexicon.sources.get(bare_word(head.text)) == "staff":
        firm = firm_of_staff(art, words)
        if firm is None and (unnamed or not prefer_last):
            # the parse left the firm out of the subject: "analysts at DBS Group write"; after a cue, the
            # phrase stops at the preposition: "according to analysts at PineBridge Investments"
            firm = firm_after_staff(art, art.token_at_or_after(head.start))
        if firm is not None:  # "Nomura analysts say": the firm speaks through them
            return Speaker(firm, None, text_of(art, tokens), "organization")
    persons = [m for m in art.mentions_in(PERSON_KINDS, start, end)
               if not art.possessive(m) and not modifies_a_noun(art, m, words)]
    if persons:  # the head of a noun phrase comes last ("said Uralsib analyst Chris Weafer") ...
        heads = [m for m in persons[1:] if not after_a_link(art, m) and not _body_of_a_role(art, m)]
        # ... but not past "of"/"at": "Jane Roe of Kestrel Partners" is Jane Roe, whatever the firm was read as
        chosen = heads[-1] if heads else persons[0]
        before = art.token_at_or_after(chosen.start) - 1
        if before >= 0 and art.tokens[before].text in art.lexicon.company_words:
            # "asset manager firm Kestrel Rowe says": a name the noun "firm" introduces is the firm's
            return Speaker(name_form(chosen), None, text_of(art, tokens), "organization")
        return person_speaker(art, chosen)
    named = proper_name(art, words, min_words=2)
    if named is not None:
        return named
    titles = [m for m in art.mentions_in(("title",), start, end) if not art.possessive(m)]
    if one_of_several(art, words):
        apposed = apposed_person(art, first)
        if apposed is not None:  # "Tony Roe, one of the analysts at IG, said": the person named before it
            return replace(apposed, text=text_of(art, tokens))
        titles = []  # "one top Democratic strategist", "another official": a source left unnamed, no holder
    for title in titles[::-1] if prefer_last else titles:
        holder = title_holder(art, title.text, position)
        if holder is not None and words and words[0].lower == "the":
            holder = _recent_speaker_for_title(art, holder, position)
        if holder is None and len(words) == 2 and words[0].lower == "the":
            holder = _latest_holder(art, title.text, position)
        if holder is not None:
            return replace(holder, text=text_of(art, tokens))
    source_class = art.lexicon.sources.get(bare_word(head.text)) if head else None
    organizations = [m for m in art.mentions_in(("organization",), start, end) if not art.possessive(m)]
    holder = _holder_of_a_title_in_lower_case(art, words, organizations)
    if holder is not None:
        return replace(holder, text=text_of(art, tokens))
    if source_class == "document":
        # "a Bloomberg report", "LSEG data": the firm or body named right before the document issued it
        issuer = firm_of_staff(art, words, adjacent=True)
        if issuer is not None:
            return Speaker(issuer, None, text_of(art, tokens), "organization")
        body = _body_that_issued(art, words)
        if body is not None:
            return Speaker(body, None, text_of(art, tokens), "organization")
        owner = _possessive_issuer(art, words)
        if owner is not None:
            return replace(owner, text=text_of(art, tokens))
    if source_class in ("publication", "document"):
        found = resolve_publication(art, tokens, source_class)
        if found is None and source_class == "document":
            found = document_reporter(art, tokens, head, position)
        return found
    if organizations and words[0].lower == "the" and any(t.lower == "of" for t in words) \
            and names_a_role(art, words):
        # "…, Westbank's Tom Harlow says. …, the head of Rates Research says": a role in the body, held by the
        # person who spoke just before, not the body itself
        person = epithet_speaker(art, position)
        if person is not None:
            return replace(person, text=text_of(art, tokens))
    if organizations:
        chosen = organizations[-1] if prefer_last else organizations[0]
        person = _person_of_a_body(art, chosen)
        if person is not None:
            return Speaker(person, None, text_of(art, tokens), "person")
        return Speaker(organization_name(chosen), None, text_of(art, tokens), "organization")
    if source_class == "body" and (unnamed or not prefer_last) and not art.inside_quote(head.start):
        # "the ministry said", "according to the ministry": the institution speaks — as the subject of a
        # speech verb or after its cue, never inside a quotation or as the subject of a verb with other
        # senses ("the government would maintain its freeze").
        return _firm_that_spoke(art, words, head, position) or resolve_body(art, tokens, head, position)
    if source_class in ("role", "group", "staff"):
        return resolve_unnamed(art, tokens, head, source_class, position)
    countries = [m for m in art.mentions_in(("country",), start, end) if not art.possessive(m)]
    if countries:
        chosen = countries[-1] if prefer_last else countries[0]
        if chosen.end >= end - 1 or len(words) <= 2:
            return Speaker(chosen.text, None, chosen.text, "organization")
    named = proper_name(art, words, min_words=1)
    if named is not None:
        return named
    if len(words) == 2 and words[0].lower == "the" and words[1].lower == GROUP_NOUN:
        # "the group said": the organization the story named right after "group" ("the advocacy group Harbour
        # Watch") or described as one before it ("Harbour Watch, a consumer group"). "Group" is no source noun
        # (as one, "it" took up bare "group" descriptions): only this named description resolves
        owner = described_before(art, head, position)
        found = Speaker(owner, None, text_of(art, tokens), "organization") if owner else None
        # ... but a group is no public body: "In a filing with the Exchange Commission, the group said" names
        # the body the group wrote to, set off by a comma as an apposition would be
        if found is not None and not _public_body(art, found):
            return found
    if 3 <= len(words) <= 4 and words[0].lower == "the" and head is words[-1] \
            and all(t.text.isalpha() and t.text.islower() for t in words[1:]) \
            and art.lexicon.word_class(head.lower) is None:
        # "the hedge fund said": the name the story gave right after the same descriptor ("Hedge fund Kestrel
        # warned"). A descriptor of one noun is too loose for a bare name ("the Fund" may be the IMF's)
        owner = described_before(art, head, position, tuple(t.lower for t in words[1:-1]))
        found = Speaker(owner, None, text_of(art, tokens), "organization") if owner else None
        if found is not None and not _public_body(art, found):
            return found
    if unnamed and len(words) >= 2 and art.lexicon.word_class(words[0].lower) == "determiner" and head is not None \
            and head.text.islower() and art.lexicon.word_class(head.lower) is None:
        # "an arbitrageur said": a noun phrase in the speaker's place is an unnamed source; "the chairman of the
        # board says" an epithet for the person named as a speaker just before.
        person = epithet_speaker(art, position) if words[0].lower == "the" and names_a_role(art, words) else None
        if person is not None:
            return replace(person, text=text_of(art, tokens))
        core = strip_determiners(art, tokens)
        return Speaker(text_of(art, core), None, text_of(art, tokens), "unnamed")
    return None


def _unnamed_at_an_unnamed_body(art: ArticleIndex, words: list[Token]) -> bool:
    """True for a phrase in lower case that opens with "a"/"an" and ties a role, staff or group noun to an
    indefinite body ("a currency trader at a bank", "an economist with a European lender"): an unnamed
    source, not the body at its end, which no one named either."""
    if len(words) < 5 or words[0].lower not in _INDEFINITE or any(not t.text.islower() for t in words):
        return False
    return any(art.lexicon.sources.get(bare_word(t.text)) in ("role", "staff", "group")
               and words[i + 1].lower in art.lexicon.firm_links and words[i + 2].lower in _INDEFINITE
               for i, t in enumerate(words[:-2]))


def _after_an_unnamed_role(art: ArticleIndex, first: int, words: list[Token]) -> bool:
    """True for an indefinite body in lower case right after a role noun and its preposition: the cue's
    phrase cut at "at" ("a currency trader at | a bank said") names the trader's bank, not a speaker."""
    if len(words) < 2 or first < 2 or words[0].lower not in _INDEFINITE or any(not t.text.islower() for t in words):
        return False
    role = art.tokens[first - 2]
    return art.tokens[first - 1].lower in art.lexicon.firm_links and role.text.islower() \
        and art.lexicon.sources.get(bare_word(role.text)) in ("role", "staff", "group")


def _person_of_a_body(art: ArticleIndex, organization: Mention) -> str | None:
    """The person at the head of an organization's tag that took them in: "Philip Wee of DBS Group Research"
    (a given name, a capitalized surname that ends no organization's name, "of", then the body) is Philip
    Wee; "Royal Bank of Canada" or "Bank of Thailand" open with no given name and stay bodies."""
    words = organization.text.split()
    if len(words) < 4 or words[2] != "of" or words[0] not in art.lexicon.given_names:
        return None
    surname = words[1]
    if not surname[:1].isupper() or surname in art.lexicon.org_name_ends \
            or bare_word(surname).lower() in art.lexicon.sources:
        return None
    return f"{words[0]} {surname}"


def _cited_name(art: ArticleIndex, first: int, last: int, commas: list[int]) -> tuple[int, int]:
    """The bounds of the name a data source cites: past a data noun and its preposition ("estimates from
    Kestrel Research") and before a description of the name's kind set off by a comma ("…, a consultancy",
    ", the lobbying group": an article, lower-case words, and a source noun). Other phrases keep ``first..last``."""
    if commas and first < commas[-1] < last:
        after = [t for t in art.tokens[commas[-1] + 1:last + 1] if t.is_word]
        if len(after) >= 2 and after[0].lower in ("a", "an", "the") and bare_word(after[-1].text) in art.lexicon.sources \
                and all(t.text.islower() for t in after) and art.tokens[commas[-1] - 1].text[:1].isupper():
            last = commas[-1] - 1
    if last - first >= 2 and art.tokens[first].lower in art.lexicon.data_nouns \
            and art.tokens[first + 1].lower in ("from", "by") and art.tokens[first + 2].text[:1].isupper():
        first += 2
    return first, last


def _holder_of_a_title_in_lower_case(art: ArticleIndex, words: list[Token],
                                     organizations: list[Mention]) -> Speaker | None:
    """The one person whose title is the lower-case noun ending "the <Organization> <noun>" ("the Fed chair"
    in a story whose people rows give "Chair" to Powell alone), or None. The title rules tag titles written
    with a capital; in running text the same post is often in lower case after its body's name."""
    if len(words) < 3 or words[0].lower != "the" or not words[-1].text.islower() or not organizations:
        return None
    if any(not t.text[:1].isupper() for t in words[1:-1]):
        return None  # only the body's name between "the" and the noun
    wanted = words[-1].lower
    rows = [r for r in art.people if (r.get("title") or "").lower() == wanted and "\n" not in (r.get("name") or "")]
    if len({r["name"] for r in rows}) != 1:
        return None
    return Speaker(rows[0]["name"], rows[0].get("official_id"), "", "person")


def _possessive_issuer(art: ArticleIndex, words: list[Token]) -> Speaker | None:
    """The owner named in the possessive that opens a document's phrase ("Kestrel's 2023 client survey",
    "Dana Quill's study"), or None.

    Only lower-case words and numbers may stand between the possessive and the
    document noun; a country alone ("Ruritania's trade data") is left to the
    other rules, since the body that issued such data is seldom the country.
    """
    owner_end = next((i for i, t in enumerate(words[:-1]) if POSSESSIVE.search(t.text)), None)
    if owner_end is None or any(t.text[:1].isupper() for t in words[owner_end + 1:-1]):
        return None
    run = words[:owner_end + 1]
    if not all(t.text[:1].isupper() for t in run):
        return None
    persons = art.mentions_in(PERSON_KINDS, run[0].start, run[-1].end)
    if persons:
        return person_speaker(art, persons[-1])
    organizations = art.mentions_in(("organization",), run[0].start, run[-1].end)
    if organizations:
        return Speaker(organization_name(organizations[-1]), None, "", "organization")
    if art.mentions_in(("country",), run[0].start, run[-1].end):
        return None
    name = POSSESSIVE.sub("", text_of(art, run))
    return Speaker(name, None, "", "organization") if name.lower() not in art.lexicon.not_firms else None


def _body_that_issued(art: ArticleIndex, words: list[Token]) -> str | None:
    """The institution a body noun right before a document names ("Chinese customs data", "the Ruritanian trade
    ministry's figures" → "Chinese customs", "Ruritanian trade ministry"), with a capitalized word before it
    that names where it sits (not one opening the sentence); None otherwise, and never a neighbouring name."""
    if len(words) < 3:
        return None
    body = words[-2]
    if art.lexicon.sources.get(bare_word(POSSESSIVE.sub("", body.text))) != "body" or not body.text.islower():
        return None
    modifiers = [t for t in words[:-2] if art.lexicon.word_class(t.lower) is None]
    opening = art.sentences[art.sentence_of(words[0].start)][0]
    if not any(t.text[:1].isupper() and t.start != opening for t in modifiers):
        return None
    return POSSESSIVE.sub("", text_of(art, [*modifiers, body]))


def _body_of_a_role(art: ArticleIndex, mention: Mention) -> bool:
    """True for a name after "of" that follows a title ("Jane Roe, head of Corvel Fairs"): the body the person
    heads, however the name rules read it, not a second person."""
    index = art.token_at_or_after(mention.start) - 1
    if index < 1 or art.tokens[index].lower != "of":
        return False
    before = art.tokens[index - 1]
    return bool(art.mentions_in(("title",), before.start, before.end)) \
        or art.lexicon.sources.get(bare_word(before.text)) == "role"


def _joint_speakers(art: ArticleIndex, first: int, last: int, position: int, *, pronouns: bool,
                    unnamed: bool) -> Speaker | None:
    """Two speakers joined by one "and" ("Jane Roe and Tom Poe said", "Analysts and traders say"), or None.

    Both sides must name a speaker; two people (or two firms) are named together, two untagged names are
    one firm's name, a person beside anything else is left to the phrase's own rules (roles of one person),
    and any other pair is the group the words describe. An "and" inside a tagged name ("Procter and Gamble"), inside an
    apposition ("Jane Roe, founder and chief executive of Acme") or between two roles of one person ("the
    founder and chief executive") joins no one.
    """
    tokens = art.tokens[first:last + 1]
    joints = [first + i for i, t in enumerate(tokens) if t.lower == "and" and 0 < i < len(tokens) - 1]
    if len(joints) != 1 or any(not t.is_word for t in tokens):
        return None
    joint = art.tokens[joints[0]]
    determiner = [art.lexicon.word_class(art.tokens[i].lower) == "determiner" for i in (first, joints[0] + 1)]
    if art.mentions_in(("organization", *PERSON_KINDS), joint.start, joint.end) or determiner == [True, False]:
        return None
    sides = [resolve_phrase(art, a, b, position, prefer_last=True, pronouns=pronouns, unnamed=unnamed)
             for a, b in ((first, joints[0] - 1), (joints[0] + 1, last))]
    if any(side is None or side.name is None for side in sides) or sides[0].name == sides[1].name:
        return None  # ... and "Tom Poe and colleagues" is the one person named (see `resolve_phrase`)
    left, right = sides
    text = text_of(art, art.tokens[first:last + 1])
    untagged = not art.mentions_in(("organization", *PERSON_KINDS), tokens[0].start, tokens[-1].end)
    if left.kind == right.kind == "name" or untagged and {left.kind, right.kind} == {"name", "organization"}:
        # two names no rule tagged as people are more often one firm's: "Duff and Phelps", "S and P"; so are
        # initials beside a name ("EG and G", "LL and E": `persons.is_acronym` reads "EG" as a firm's)
        return Speaker(text_of(art, strip_determiners(art, art.tokens[first:last + 1])), None, text, "organization")
    for kinds, kind in ((("person", "name"), "name"), (("organization",), "organization")):
        if left.kind in kinds and right.kind in kinds:
            return Speaker(f"{left.name} and {right.name}", None, text, kind)
    if (left.kind in ("person", "name")) != (right.kind in ("person", "name")):
        return None  # a person and a firm or role: "Acme President and chief executive Jane Roe" is one person
    return Speaker(text_of(art, strip_determiners(art, art.tokens[first:last + 1])), None, text, "group")


def _latest_holder(art: ArticleIndex, title: str, position: int) -> Speaker | None:
    """The person "the president" stands for when the story names several holders of the title (in any
    form: "Egyptian President"), so that `persons.title_holder` finds none: of those whose title is just the word, the one
    whose name stands nearest before ``position``, outside quotations, within `PRONOUN_REACH` sentences
    ("President Jane Roe met President Tom Poe. … The president said": Tom Poe, as a reader takes it)."""
    wanted = title.lower().strip()
    holders = {r["name"] for r in art.people if r.get("title") and "\n" not in (r.get("name") or "")
               and r["title"].lower() == wanted}  # not "Vice President" for "the president"
    if not holders:
        return None
    floor = art.sentences[max(art.sentence_of(position) - PRONOUN_REACH, 0)][0]
    named = [m for m in art.persons if floor <= m.start and m.end <= position and not art.inside_quote(m.start)]
    for mention in reversed(named):
        speaker = person_speaker(art, mention)
        if speaker.name in holders:
            return replace(speaker, text=title)
    return None


def _recent_speaker_for_title(art: ArticleIndex, holder: Speaker, position: int) -> Speaker:
    """The person a definite title stands for: its holder, unless the holder was last named more than
    `PRONOUN_REACH` sentences back and a person with no title of their own spoke just before.

    "…, Jane Roe of Kestrel Partners writes. …, the chief economist says": the
    source just named, whose title the story gives only now, rather than a chief
    economist of another story of the same digest.
    """
    recent = epithet_speaker(art, position)
    if recent is None or recent.name == holder.name or named_within(art, holder.name, position, PRONOUN_REACH):
        return holder
    if has_title(art, recent.name):
        return holder
    return recent


def _firm_that_spoke(art: ArticleIndex, words: list[Token], head: Token, position: int) -> Speaker | None:
    """The organization that spoke last, for a bare "the firm", "the company" or "the bank", or None.

    "…, says Kestrel Research in a note. The firm says …": the firm just heard
    from, in the `EPITHET_REACH` sentences before, rather than the organization
    last named (which may be one it spoke about). A person speaking there in
    between breaks the chain. A noun a company's name may hold ("bank": ``company``
    ``name`` in ``sources.csv``) takes up a firm whose name lacks it ("…, noted KBR. …, wrote the bank"),
    but not a public body named by another body noun ("the ministry").
    """
    noun = bare_word(head.text)
    if len(words) != 2 or words[0].lower not in art.lexicon.bare_bodies or noun not in art.lexicon.company_words:
        return None
    found = salient_speaker(art, position, KIND_ORDER, reach=EPITHET_REACH, own_sentence=False)
    if found is not None and found.kind == "organization" and _public_body(art, spelled_out(art, found) or found):
        # "Acme said …. The SEC charged …. …, the firm said": a regulator is no firm, and one acting ("charged")
        # is not the last to speak either: the firm is the one that last spoke
        found = salient_speaker(art, position, KIND_ORDER, reach=EPITHET_REACH, own_sentence=False,
                                speech_only=True)
    if found is None or found.kind not in ("organization", "name") or not found.name or found.name[0].islower() \
            or found.name.rstrip(".") in art.lexicon.abbreviations:
        return None  # a description ("biotechnology company") or a name's cut-off suffix ("Ltd") names no firm
    if names_no_firm(art, found.name, tagged=found.kind == "organization"):
        return None  # "…, a unit of Lloyds Bank PLC said. The bank said": no firm is named "PLC"
    if noun not in art.lexicon.generic_bodies and any(
            art.lexicon.sources.get(word) == "body" and word != noun for word in found.name.lower().split()):
        return None  # "the bank" after "noted KBR" is KBR's, but not a public body's ("the ministry") voice
    if _public_body(art, spelled_out(art, found) or found):
        return None
    if any(m.text == found.name for m in art.by_kind.get("country", [])):
        return None  # a country that spoke ("the U.S. said") is no firm
    if names_news_outlet(art, found.name) or names_news_outlet(art, found.text):
        return None  # a newspaper that reported ("Nikkei reported …. The company said") is the story's source
    return Speaker(found.name, None, text_of(art, words), "organization")


def _public_body(art: ArticleIndex, speaker: Speaker) -> bool:
    """True for an organization whose head noun ("Securities and Exchange Commission", "Ministry of Finance": the
    last word, and the one before "of") is a public body's noun (``company`` ``public`` in ``sources.csv``)."""
    words = (speaker.name or "").lower().split()
    heads = {bare_word(words[-1])} if words else set()
    if "of" in words[1:]:
        heads.add(bare_word(words[words.index("of") - 1]))
    return any(word in art.lexicon.public_bodies for word in heads)


def resolve_pronoun(art: ArticleIndex, token: Token, position: int) -> Speaker | None:
    """The person, group or organization a speaker pronoun stands for, or None."""
    kind = art.lexicon.word_class(token.lower)
    if kind == "person_pronoun":
        found = salient_person(art, position, postposed=postposed_subject(art, token), pronoun=token.lower)
        return replace(found, text=token.text) if found else None
    wanted = ("organization", "name") if kind == "thing_pronoun" else ("group", "organization", "name")
    found = salient_speaker(art, position, wanted)
    if found is not None:
        return replace(found, text=token.text)
    if kind == "group_pronoun":
        team = _named_team(art, position)
        if team is not None:
            return replace(team, text=token.text)
    if kind == "thing_pronoun":
        subject = organization_opening_before(art, position) or _firm_read_as_person(art, position)
        if subject is not None:
            return replace(subject, text=token.text)
        floor = item_start(art, position)
        before = [m for m in art.by_kind.get("organization", []) if floor <= m.start and m.end <= position
                  and not art.inside_quote(m.start)]
        if before:
            return Speaker(organization_name(before[-1]), None, token.text, "organization")
    return None


def _named_team(art: ArticleIndex, position: int) -> Speaker | None:
    """The people "they" stands for when the speaker just before is a person named with others, or None.

    "…, Jane Roe and Tom Poe say in a report. …, they add": both names; "…,
    Jane Roe and colleagues write. They …": the one person named. Only a
    person speaking in the nearest sentence where anyone speaks (within
    `PRONOUN_REACH`), and only when the words beside their name join them to
    another person or to a team word (``team`` in the word list).
    """
    found = salient_speaker(art, position, ("person",))
    if found is None:
        return None
    at = art.text.rfind(found.text, 0, position)
    if at < 0:
        return None
    after = art.token_at_or_after(at + len(found.text))
    if after + 1 < len(art.tokens) and art.tokens[after].lower == "and" \
            and art.tokens[after + 1].lower in art.lexicon.team_words:
        return found
    before = art.token_at_or_after(at) - 1
    if before < 1 or art.tokens[before].lower != "and":
        return None
    partner = [m for m in art.persons if m.end == art.tokens[before - 1].end and not art.possessive(m)]
    if partner:
        first = person_speaker(art, partner[-1]).name
    else:  # a partner's name the name rules left untagged: two or three capitalized words
        run = capitalized_run(art, reversed(art.tokens[max(before - TEAM_NAME_WORDS, 0):before]))[::-1]
        if not 2 <= len(run) <= TEAM_NAME_WORDS \
                or art.mentions_in(("organization", "country", "title"), run[0].start, run[-1].end):
            return None
        first = text_of(art, run)
    return Speaker(f"{first} and {found.name}", None, found.text, "name")


def _firm_read_as_person(art: ArticleIndex, position: int) -> Speaker | None:
    """The firm an "it" stands for when the speaker just before is a name the rules took for a person's.

    "…, said Sucden Financial. …, it said": "it" names no person, so a speaker
    read as a person, with no title and no office, in the `EPITHET_REACH`
    sentences before (nothing else speaking in between) is the firm.
    """
    found = salient_speaker(art, position, ("person",), reach=EPITHET_REACH, speech_only=True)
    if found is None or found.official_id is not None or has_title(art, found.name):
        return None
    return Speaker(found.name, None, found.text, "organization")


def salient_speaker(art: ArticleIndex, position: int, wanted: tuple[str, ...], *,
                    reach: int = PRONOUN_REACH, own_sentence: bool = True, speech_only: bool = False) -> Speaker | None:
    """The speaker of one of the ``wanted`` kinds who spoke last before ``position`` ("it", "they"), or None.

    Looks back sentence by sentence (the pronoun's own first, unless not
    ``own_sentence``) for the nearest one in which anyone speaks: the speakers
    of its quotations and of its speech cues outside quotations, within the
    item of a digest that holds ``position`` (`items.item_start`). Reported
    speech is resolved after the quotations, so a cue's own speaker counts as
    well as the speakers already resolved: "Nomura analysts say … . “…,” they
    say". In that sentence the
    wanted speaker nearest before ``position`` is the one; if none there is of
    a wanted kind, or only a lone untagged word ("A ministry statement said
    …. It said", "Digital said …. It said"), None: an earlier sentence's
    speaker would skip the one just named. ``speech_only`` reads only the cues
    that always report speaking.
    """
    index = art.sentence_of(position)
    floor = item_start(art, position)
    for back in range(index if own_sentence else index - 1, max(index - 1 - reach, -1), -1):
        s_start, s_end, _ = art.sentences[back]
        if s_end <= art.body_start or s_end <= floor:
            break  # a headline's cue ("PAPER ASKS …") or one of a digest's item before speaks for no one here
        found: list[tuple[int, Speaker | None]] = [
            (q.outer_start, s) for q, s in art.resolved
            if s is not None and s_start <= q.outer_start < s_end and q.outer_end <= position]
        for cue in art.cues:
            # a cue with other senses too counts ("…, they note"): its subject, when a tagged person or body
            # of a wanted kind, is one a pronoun may stand for as well; an untagged name beside it ("imports
            # from Western Europe, replacing design and brand reputations") is too often no subject at all,
            # and a subject of another kind may be acting, not speaking ("Trump has announced tariffs …,
            # they note"), so it must not hide the speaker named before it; a cue inside what a speaker was
            # reported to say ("The bank said imports meet rising U.S. demand") is part of their words
            if s_start <= cue.start < min(s_end, position) and not art.inside_quote(cue.start) \
                    and (cue.sense == "speech" or not speech_only) and not inside_report(art, cue.start):
                speaker = cue_speaker(art, cue, *cue_bounds(art, cue, s_start, s_end), pronouns=False)
                if speaker is not None and cue.sense != "speech" \
                        and (speaker.kind == "name" or speaker.kind not in wanted):
                    continue
                if speaker is not None:
                    found.append((cue.start, speaker if plausible_name(art, cue, speaker) else None))
        if found:
            fitting = [(at, s) for at, s in found if s is not None and s.kind in wanted]
            return max(fitting, key=lambda pair: pair[0])[1] if fitting else None
    return None


def epithet_speaker(art: ArticleIndex, position: int) -> Speaker | None:
    """The person a definite description in lower case stands for ("the portfolio manager says"), or None.

    Only a person named as the last speaker in the `EPITHET_REACH` sentences
    before it: news copy names a source, then goes on with their role ("…,
    says Acme's Jane Roe. …, the portfolio manager says"); an unnamed source
    or an organization speaking in between breaks the chain, as does an institution opening its own
    sentence ("The central bank kept its rate …, with the governor saying": the bank's governor). A speaker in its own
    sentence is the one whose words it reports ("Trump suggested …, the
    strategist says"), not the one it names.
    """
    if institution_opens_sentence(art, position):
        return None
    nearest = salient_speaker(art, position, KIND_ORDER, reach=EPITHET_REACH, own_sentence=False)
    return nearest if nearest is not None and nearest.kind == "person" else None


def salient_person(art: ArticleIndex, position: int, *, reach: int = PRONOUN_REACH,
                   postposed: bool = False, pronoun: str | None = None) -> Speaker | None:
    """The person "he"/"she" at ``position`` most likely stands for.

    Earlier in the same sentence: the person a cue before it names as the
    speaker ("…'s meeting with Trump, DBS strategist Jane Roe says. “…,” he
    says", where a stray mark joined the sentences), else its first person
    mention ("Akazawa said he") — but not for the subject of a postposed cue
    (``postposed``: "Rates may fall if Trump acts, he says"): what comes before
    it is what was said, and a person named there is not the one speaking.
    Otherwise the nearest earlier sentence that names a person outside quotes,
    skipping sentences whose subject is itself a pronoun, and those where the
    same ``pronoun`` stands before any person they name ("Back in 2015 she
    gathered investors, plus Bill Clinton": she is still the one named
    before); in it, the speaker of its quotation or its first person named
    (possessives never count).
    """
    index = art.sentence_of(position)
    start = art.sentences[index][0]
    same = [m for m in art.persons if start <= m.start and m.end <= position
            and not art.possessive(m) and not art.inside_quote(m.start) and not before_a_title(art, m)]
    if same:
        spoken = _last_person_cue(art, start, position)
        if spoken is not None or not postposed:
            return spoken if spoken is not None else person_speaker(art, same[0])
    for back in range(index - 1, max(index - 1 - reach, -1), -1):
        s_start, s_end, _ = art.sentences[back]
        spoken = [s for q, s in art.resolved
                  if s_start <= q.outer_start < s_end and s and s.kind in SINGLE_KINDS and not is_joint(s)]
        if spoken:
            owner = _possessor_opening(art, s_start, s_end)
            if owner is not None and _cues_all_relative(art, s_start, s_end):
                return owner
            return spoken[0]
        if starts_with_pronoun(art, s_start, s_end) or pronoun_before_person(art, s_start, s_end, pronoun):
            continue
        for cue in art.cues:
            if s_start <= cue.start < s_end and not art.inside_quote(cue.start):
                speaker = cue_speaker(art, cue, *cue_bounds(art, cue, s_start, s_end), pronouns=False)
                if speaker is not None and speaker.kind in ("person", "name") and not is_joint(speaker):
                    return speaker
        named = [m for m in art.persons if s_start <= m.start < s_end
                 and not art.possessive(m) and not art.inside_quote(m.start) and not before_a_title(art, m)]
        if named:
            return person_speaker(art, named[0])
        subject = subject_name(art, s_start, s_end)
        if subject is not None:
            return subject
    return None


def _possessor_opening(art: ArticleIndex, start: int, end: int) -> Speaker | None:
    """The person whose possessive opens the sentence ``[start, end)`` ("Trump's remarks drew praise from …"),
    or None."""
    first = art.token_at_or_after(start)
    while first < len(art.tokens) and not art.tokens[first].is_word:
        first += 1
    if first >= len(art.tokens) or art.tokens[first].start >= end:
        return None
    opener = [m for m in art.persons if m.start == art.tokens[first].start and art.possessive(m)]
    return person_speaker(art, opener[0]) if opener else None


def _cues_all_relative(art: ArticleIndex, start: int, end: int) -> bool:
    """Every cue of the sentence outside quotations stands in a relative clause ("figures like Jane Roe, who
    declared: …"): those quoted there are named by the way, and the sentence is about its subject."""
    cues = [c for c in art.cues if start <= c.start < end and not art.inside_quote(c.start)]
    if not cues:
        return False
    for cue in cues:
        index = art.token_at_or_after(cue.start) - 1
        while index >= 0 and not art.tokens[index].is_word:
            index -= 1  # a bracket of a link: "[who posted](…)"
        if index < 0 or art.tokens[index].lower not in RELATIVE_PRONOUNS:
            return False
    return True


def _last_person_cue(art: ArticleIndex, start: int, position: int) -> Speaker | None:
    """The person the last cue in ``[start, position)`` outside quotations names as its speaker, or None.

    Looks from the last cue back and stops at the first that names a person, rather than resolving
    the speaker of every cue in the sentence for each pronoun.
    """
    cues = [cue for cue in art.cues if start <= cue.start < position and not art.inside_quote(cue.start)]
    for cue in sorted(cues, key=lambda c: -c.start):  # stable: of cues at one offset, the first listed wins
        speaker = cue_speaker(art, cue, *cue_bounds(art, cue, start, position), pronouns=False)
        if speaker is not None and speaker.kind == "person":
            return speaker
    return None


def resolve_unnamed(art: ArticleIndex, tokens: list[Token], head: Token, source_class: str,
                    position: int) -> Speaker | None:
    """An unnamed source: the title holder for "the minister", else a description ("diplomat")."""
    while tokens and (tokens[0].lower == "of" or art.lexicon.word_class(tokens[0].lower) == "boundary"):
        tokens = tokens[1:]  # "the comments of the Mexican President, who said"
    words = [t for t in tokens if t.is_word]
    definite = bool(words) and words[0].lower in art.lexicon.definite_sources
    if definite and source_class == "role":
        holder = title_holder(art, head.text, position)
        if holder is not None:
            # "…, says Harry Chambers at Capital Economics. …, the assistant economist adds": the source just
            # heard from, not an economist of another story of the digest
            return replace(_recent_speaker_for_title(art, holder, position), text=text_of(art, tokens))
    if bare_word(head.text) in art.lexicon.firm_voices:
        # "a Paramount spokesperson": the firm speaks through its spokesperson, as "Nomura analysts" do
        firm = firm_of_staff(art, [t for t in tokens if t.is_word], adjacent=True)
        # ... but "a Ministry spokesman" names no ministry: the words stay a description
        if firm is not None and art.lexicon.sources.get(bare_word(firm)) != "body":
            return Speaker(firm, None, text_of(art, tokens), "voice")
    core = strip_determiners(art, [t for t in tokens if not POSSESSIVE.search(t.text) or t is head])
    core = [t for t in core if t.start >= head.start or art.lexicon.word_class(t.lower) is None]
    description = text_of(art, core) or head.text
    if definite and source_class == "staff":
        # "the analysts say" after "CreditSights analysts say": the firm whose staff spoke just before.
        firm = salient_speaker(art, position, ("organization",), reach=EPITHET_REACH, own_sentence=False)
        if firm is not None and bare_word(firm.text.split()[-1]) == bare_word(head.text):
            return replace(firm, text=text_of(art, tokens))
        # ... or whose staff were named with the firm, though others spoke since ("analysts at Morgan Stanley
        # said …. … , they said. … , the analysts said")
        named_firm = staff_firm_before(art, head, position, PRONOUN_REACH)
        if named_firm is not None:
            return Speaker(named_firm, None, text_of(art, tokens), "organization")
    earlier = earlier_description(art, head) if definite else None
    if earlier and len(earlier) > len(description):
        description = earlier
    if definite and earlier is None and source_class == "role":
        # An epithet for the person just named: "Sen. Paul Sarbanes said … the Maryland Democrat said";
        # in lower case only for one named as a speaker ("…, says Acme's Jane Roe. …, the portfolio manager
        # says"), since "Trump imposed … the official said" is someone else.
        capitalized = any(t.text[0].isupper() for t in core)
        person = salient_person(art, position, reach=EPITHET_REACH) if capitalized else epithet_speaker(art, position)
        if person is not None:
            return replace(person, text=text_of(art, tokens))
    if not definite and source_class == "role":
        # "A British minister said", after "Britain's trade minister Michael Howard": the one official named
        # before with that country and that role word is the speaker
        holder = official_of_country(art, tokens, head, position)
        if holder is not None:
            return replace(holder, text=text_of(art, tokens))
    specific = (definite and earlier is None) or any(POSSESSIVE.search(t.text) for t in tokens if t is not head)
    if specific and source_class == "role":
        named = named_next(art, position)
        if named is not None:
            return replace(named, text=text_of(art, tokens))
    if not definite and source_class == "role" and art.tokens and position < art.body_start:
        holder = _holder_named_with(art, [t for t in core if t is not head], position)
        if holder is not None:
            return replace(holder, text=text_of(art, tokens))
    description = re.sub(r"['’]s?$", "", description)
    kind = "group" if source_class in ("group", "staff") else "unnamed"
    return Speaker(description, None, text_of(art, tokens), kind)


# How many tokens after a body's name the person who holds a post at it may stand ("Kestrel Forum (KF) President
# and Chief Executive Officer (CEO) Dana Quill").
HOLDER_REACH = 14


def _holder_named_with(art: ArticleIndex, qualifiers: list[Token], position: int) -> Speaker | None:
    """For a headline's role of a named body ("…, says KF chief"): the first person the body names right after
    that body's capitalized word, in the same sentence with no other person between ("KF President Dana
    Quill said"), or None. A headline's role names the person its story quotes, not an unknown one."""
    names = {t.text for t in qualifiers if t.is_word and t.text[:1].isupper()}
    if not names:
        return None
    for index, token in enumerate(art.tokens):
        if token.start < art.body_start or token.text not in names or art.inside_quote(token.start):
            continue
        sentence_end = art.sentences[art.sentence_of(token.start)][1]
        reach = art.tokens[min(index + HOLDER_REACH, len(art.tokens) - 1)].end
        after = [m for m in art.persons if token.end <= m.start and m.end <= min(reach, sentence_end)
                 and not art.possessive(m)]
        if after:
            return person_speaker(art, after[0])
    return None


def document_reporter(art: ArticleIndex, tokens: list[Token], head: Token, position: int) -> Speaker | None:
    """Who issued "the report" that says something: the organization or name that last "reported" before it.

    "Yicai Global reported on Friday, citing …. …, the report said": a
    document noun that is also a cue's lemma takes the speaker of the nearest
    earlier cue of that lemma, outside quotations, within `PRONOUN_REACH`
    sentences; a person or an unnamed source there issues no report (the
    speaker stays unresolved).
    """
    noun = bare_word(head.text)
    floor = art.sentences[max(art.sentence_of(position) - PRONOUN_REACH, 0)][0]
    for cue in reversed(art.cues):
        if not floor <= cue.start < tokens[0].start or art.inside_quote(cue.start):
            continue
        s_start, s_end, _ = art.sentences[art.sentence_of(cue.start)]
        written_in = cue.lemma != noun
        if written_in and not _said_in_a(art, cue, noun, s_end):
            continue
        speaker = cue_speaker(art, cue, *cue_bounds(art, cue, s_start, s_end), pronouns=False)
        if speaker is not None and written_in and _after_a_place_preposition(art, speaker, cue):
            return None  # "the counselor in Belgrade said in a report": the city wrote nothing
        if speaker is not None and written_in and speaker.kind == "person":
            return replace(speaker, text=text_of(art, tokens))  # "said Jane Roe in a note": her note
        if speaker is not None:
            # an untagged name that issues a report is an outlet or a firm, not a person
            found = replace(speaker, text=text_of(art, tokens), kind="organization")
            return found if speaker.kind in ("organization", "name") else None
    return None


# How many words after a cue "in a … <document>" may end ("said Acme Research in a weekly client note").
SAID_IN_WORDS = 8


PLACE_PREPOSITIONS = frozenset({"in", "at", "from"})


def _after_a_place_preposition(art: ArticleIndex, speaker: Speaker, cue: Cue) -> bool:
    """True when the speaker's words stand right after "in"/"at"/"from": a place the cue's true speaker is
    in, which the parse left as the name before the cue."""
    at = art.text.rfind(speaker.text or "", 0, cue.start)
    if at < 0 or not speaker.text:
        return False
    before = art.token_at_or_after(at) - 1
    return before >= 0 and art.tokens[before].lower in PLACE_PREPOSITIONS


def _said_in_a(art: ArticleIndex, cue: Cue, noun: str, ceiling: int) -> bool:
    """True when the cue's own words say where they were written: "…, said Acme Research in a note" — a
    later "the note added" is that speaker's."""
    following = [t for t in art.tokens[art.token_at_or_after(cue.end):] if t.start < ceiling and t.is_word]
    following = following[:SAID_IN_WORDS]
    for index, token in enumerate(following):
        if token.lower == "in" and any(bare_word(t.text) == noun for t in following[index + 1:index + 5]):
            return True
    return False


def cue_speaker(art: ArticleIndex, cue: Cue, floor: int, ceiling: int, *, pronouns: bool = True) -> Speaker | None:
    """The speaker a cue attributes to, looking on its side(s) within ``[floor, ceiling)``.

    The speaker of a verb stands before it; after it only when the verb opens
    its clause ("…,” said Akazawa", "says Japan") — otherwise what follows is
    the verb's object ("described the plan as …"). "According to" always
    looks right.
    """
    phrases: list[tuple[tuple[int, int], bool]] = []
    before = art.token_at_or_after(cue.start) - 1
    passive = before >= 0 and art.lexicon.word_class(art.tokens[before].lower) == "be"
    if cue.side == "either" and passive:
        return None  # passive: "sales are predicted to dip" names no speaker
    side = cue.side
    if side == "left" and not passive:
        side = "right"  # "the radio quoted him as saying": the speaker is the one quoted
    if side != "right":
        phrases += [(found, True) for found in left_phrases(art, cue, floor)]
        if any(object_of_preposition(art, first, last, cue) for (first, last), _ in phrases):
            return None  # "says in a post-auction comment": the cue word is a noun, and names no speaker
    # Inverted order: the cue opens its clause ("…,” said Akazawa", ", added John Michael, an analyst").
    inverted = not re.search(r"\w", art.text[floor:cue.start]) or art.text[floor:cue.start].rstrip().endswith(",")
    if side == "right" or (side == "either" and inverted):
        found = right_phrase(art, cue, ceiling)
        if found:
            phrases.append((found, False))
    speakers = [resolve_phrase(art, first, last, cue.start, prefer_last=is_left, pronouns=pronouns,
                               unnamed=is_left and cue.sense == "speech")
                for (first, last), is_left in phrases]
    speakers = [s for s in speakers if s is not None]
    if not speakers:
        return None
    best = min(speakers, key=lambda s: KIND_ORDER.index(s.kind) if s.kind in KIND_ORDER else len(KIND_ORDER))
    if best.kind in ("unnamed", "group"):
        issuer = _document_cited_after(art, cue, ceiling)
        if issuer is not None:  # "board members said, according to the minutes": the minutes' issuer
            best = replace(issuer, text=best.text)
    return replace(best, cue=cue.lemma)


def _document_cited_after(art: ArticleIndex, cue: Cue, ceiling: int) -> Speaker | None:
    """The organization that issued a document cited right after a cue ("officials said, according to the
    minutes"), or None: the unnamed sources speak through the document, and the issuer is the one the story
    quotes. Only "according to" (after an optional comma) and a phrase headed by a document noun count."""
    cited = next((c for c in art.cues if c.start >= cue.end and c.lemma == "according_to"
                  and art.text[cue.end:c.start].strip() in ("", ",")), None)
    if cited is None:
        return None
    found = right_phrase(art, cited, ceiling)
    if not found:
        return None
    first, last = found
    if art.lexicon.sources.get(bare_word(art.tokens[last].text)) != "document":
        return None
    issuer = resolve_phrase(art, first, last, cited.start, prefer_last=False)
    return issuer if issuer is not None and issuer.kind == "organization" else None

