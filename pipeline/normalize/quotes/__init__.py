"""Quotes: ``quote``, ``reported`` and ``cue`` mentions → ``quotes`` rows with their speakers.

Direct quotations (``quote_type`` direct) come from the quote marks; reported
speech (indirect, or mixed when a quoted fragment stands inside the reported
clause) from the parse (`reported`, after the direct quotations, whose rows
it never changes). Every row says what its speaker is (``speaker_kind``:
person, organization, or unresolved when no name was found).

A pure function over one article (`normalizer`). The speaker of a quotation is found by
rules over its sentence and its neighbours, in this order:

1. its own attribution: the cue right after it (", he said"), the cues
   before it in the same stretch of reporter's text, the previous quotation
   of the same sentence, then cues further away in the sentence; the
   speaker's noun phrase stands on the cue's side ("Akazawa told reporters",
   "said Akazawa", "according to Japan's top trade negotiator", "he was
   quoted … as saying", "Kyodo quoted him as saying"); a "Name:" label before
   a quotation also names it. An outlet relaying a person ("Khamenei said …,
   “…,” the radio reported") yields to the person;
2. the parts of a multi-paragraph quotation share the speaker one part names;
3. a quotation whose sentence has no cue takes the speaker of the previous
   quotation in its paragraph, of the reported speech just before it
   ("Yeutter said talks stall. "Countries don't …""), of the subject opening
   the next sentence ("“…” Gros reiterated that …"), of the last cue of its
   paragraph's earlier sentences, or — when its paragraph is nothing but the
   quotation — of the quotation in the paragraph before, else of that
   paragraph's last cue;
4. a quotation in the headline that the body repeats, quoted or reported,
   takes the body's speaker.

Speaker phrases are resolved to names: a person mention to the person's
fullest name (through ``done["people"]``, with the official id; "Jane Roe of
Kestrel Partners" is Jane Roe, and a name right after "firm" or "company" is
an organization); "he"/"she" to the person last named as a subject, passing
over a name that modifies a title ("Citi analyst Jane Roe") and, for the
subject of a cue closing the clause it reports (", she says."), over the
people named in that clause; "it"/"they" to the organization or group that
spoke last, else for "it" the organization opening the sentence before;
"the firm" to the organization heard from just before; "the minister" to the
person holding that title (unless that holder was named far back and an
untitled source spoke just before), an
epithet ("the Maryland Democrat") to the person just named, a description
that opens the story ("Japan's top trade negotiator") to the person the next
sentence names as speaker; an unnamed source to its organization ("a MITI
official" → MITI, "a Paramount spokesperson" → Paramount) or its description
("one diplomat" → "diplomat"); "the analysts" to the firm whose analysts were
named last ("analysts at Morgan Stanley"); "the editorial" to the newspaper
named before it, "a Bloomberg report" or "LSEG data" to the firm named before
the document, "the report" to whoever reported last ("Yicai Global reported"). When nothing fits, the speaker
stays null (unknown) rather than guessed. Last, a speaker named by one word
takes the one fuller organization name the article gives it ("Goldman" →
"Goldman Sachs"). Reported clauses that are unanswered questions ("did not
say whether …") are no reported speech.

The modules, each building on those before it: ``lexicon`` (the word lists), ``article`` (one
article indexed for the rules), ``persons`` (person mentions and names as speakers),
``cue_phrases`` (the words beside a cue that may name its speaker), ``descriptions`` (firms,
institutions, publications and descriptions as speakers), ``pronoun_context`` (what the words
around a speaker pronoun show), ``speakers`` (from those words to a speaker), ``attribution``
(which speaker each quotation takes), ``reported`` (reported speech) and ``normalizer``.
"""

from pipeline.normalize.quotes.lexicon import QuoteLexicon, load
from pipeline.normalize.quotes.normalizer import NORMALIZER, normalize_quotes

__all__ = ["NORMALIZER", "QuoteLexicon", "load", "normalize_quotes"]
