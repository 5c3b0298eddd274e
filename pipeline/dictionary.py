"""The data dictionary: every table and column with its type, meaning and an example.

Types come from `pipeline.schemas` (never written twice); meanings and
examples are declared here. `render` produces ``docs/tables.md``;
``python -m pipeline dictionary`` rewrites it and a test fails when a schema
changes without its description (or the file is stale).
"""

from __future__ import annotations

from pipeline.schemas import TABLES

# Columns that mean the same wherever they appear.
COMMON: dict[str, tuple[str, str]] = {
    "article_id": ("Id of the article (join key to `articles`): hash of the source id and the normalized content.",
                   "06e8b20ca95ba534"),
    "mention_id": ("Id of the mention this row was built from (join key to `mentions`).", "3f2a9c0d1e7b4a55"),
    "run_id": ("The run that last wrote this row (see `runs`); ids and content never depend on it.",
               "20250502T021500Z-a1b2c3"),
    "published_month": ("Partition key: the article's publication month (UTC), or `unknown`.", "2025-05"),
    "start_char": ("Offset of the first character in `articles.text`.", "512"),
    "end_char": ("Offset just past the last character in `articles.text` (end exclusive).", "515"),
    "text": ("The words as they stand in the article.", "24%"),
    "sentence_index": ("Index of the sentence in the article (0 = headline; see `sentences`).", "6"),
    "mention_ids": ("Every mention this row was built from (join keys to `mentions`).", "['3f2a…', '9b1c…']"),
    "rule_id": ("Which pattern or rule produced the row.", "countries.csv:demonym"),
    "official_id": ("Id of an official, the same in every article (slug of the canonical full name).",
                    "ryosei-akazawa"),
}

TABLE_DOCS: dict[str, str] = {
    "articles": "One row per distinct article.",
    "rejects": "Inputs that could not be used, with a reason a person can act on.",
    "runs": "The run manifest: one row per stage per run.",
    "mentions": "Every span a rule found, with the rule that found it.",
    "sentences": "Sentence boundaries of every article.",
    "tokens": "The dependency parse (Universal Dependencies) of the sentences extract parsed: one row per token.",
    "countries": "Country mentions, normalized to ISO 3166-1 alpha-3 (blocs get their own codes).",
    "people": "Every person named in an article, grouped by coreference; officials are flagged.",
    "officials": ("People acting for a government or intergovernmental body, one row per person per article "
                  "(and people named by such an office they held: `is_former`)."),
    "rates": "Percentages and rates, with the measure they belong to.",
    "money": "Money amounts (never rates).",
    "dates": "Temporal expressions resolved against the article's anchor date (TIMEX3 values).",
    "quotes": ("What speakers said: direct quotations, reported (indirect) speech and mixed quotes, with speakers. "
               "Reported speech is read from the parse of the sentences the parser reads and, for the cues the "
               "parse does not read, from the word order around a reporting cue."),
    "event_mentions": "Trade-policy events as found in one article (before merging across articles).",
    "events": "Trade-policy events merged across articles: one row per distinct event.",
    "tariff_timeline": ("The tariff in force between an actor and a target on a product: one row per interval, "
                        "built from `events` (docs/timeline.md)."),
    "_ledger/ingest": "Bookkeeping: which raw files ingest has read, by content hash.",
}

EVENT_COLUMNS: dict[str, tuple[str, str]] = {
    "event_id": ("Deterministic id: hash of type, actor, targets, rate, date and product.", "9c1e4b7a20d3f6e8"),
    "event_type": ("One of tariff_imposed, tariff_increased, tariff_reduced, tariff_removed, tariff_suspended, "
                   "tariff_threatened, tariff_exemption, trade_restriction, investigation, negotiation, "
                   "agreement, demand, sanction (non-tariff economic sanctions).", "tariff_imposed"),
    "actor_iso3": ("The government acting.", "USA"),
    "target_iso3": ("The other side(s); empty when it applies to all.", "['JPN']"),
    "target_scope": ("bilateral, multilateral, all, all_except; unspecified when the article names no target "
                     "(an extension of the contract's four values, so no guess of \"all\" is made).", "bilateral"),
    "excluded_iso3": ("Countries excluded (for all_except).", "['CHN']"),
    "rate_value": ("The new rate, if stated.", "24.0"),
    "rate_previous": ("The rate before, if stated.", "10.0"),
    "product": ("Product or scope, if stated.", "autos"),
    "event_date": ("TIMEX3 value of the event's date, if the article dates it.", "2025-05-01"),
    "duration": ("TIMEX3 duration, if stated.", "P90D"),
    "modality": ("asserted, planned, threatened, possible, negated.", "asserted"),
    "officials": ("official_ids of the officials involved.", "['scott-bessent']"),
    "evidence": ("The sentence the event was read from.", "The Trump administration imposed 24% tariffs …"),
    "confidence": ("0–1, calibrated on the development gold: the estimated chance that the row is right in type, "
                   "actor, target, rate, date and modality (models/events/confidence.json; docs/events.md).",
                   "0.42"),
    "rule_score": ("0–1, the rules' score before calibration: trigger strength plus the arguments resolved.",
                   "0.85"),
    "event_date_start": ("First day of `event_date` (a date), null when it names no calendar period.",
                         "2025-06-01"),
    "event_date_end": ("Last day of `event_date` (inclusive).", "2025-06-30"),
    "event_date_granularity": ("day, week, month, quarter, season, half or year: how fine `event_date` is "
                               "(null for a fiscal year, whose months are the issuer's).", "month"),
    "effective_date": ("The day the text says the measure takes effect (\"takes effect on\", \"effective\", "
                       "\"from 12:01 a.m. on\") in its own sentence or its list's lead-in; null when it states none. "
                       "The timeline starts an asserted change on it (docs/timeline.md, section 2).", "2025-04-09"),
    "event_key": ("Hash of the normalized event without its date: rows with the same key merge across articles "
                  "within the window of docs/events.md.", "51b0c2a9e4d7f318"),
    "cameo_code": ("CAMEO 1.1b3 code of the event type and modality (models/events/codes.csv); null when negated.",
                   "163"),
    "plover_type": ("PLOVER event type (CAMEO crosswalk of the PLOVER project).", "COERCE"),
    "plover_mode": ("PLOVER mode, when the crosswalk gives one.", "restrict"),
    "plover_context": ("PLOVER context; economic for every trade event.", "economic"),
    "hs_codes": ("Harmonized System (HS 2022) chapters, headings or subheadings of `product`, digits only "
                 "(models/events/hs_codes.csv); empty when there is no product or it has no codes.", "['72', '73']"),
    "is_background": ("True when the event is reported as context, not news: dated more than a year before "
                      "publication, told of a past term of office, told in the past perfect without a date outside "
                      "quotations and reported speech, or reported by a non-government speaker (\"analysts said …\"). In `events`: true only when "
                      "every article reports it so.", "false"),
}

COLUMNS: dict[str, dict[str, tuple[str, str]]] = {
    "articles": {
        "source_id": ("The id the input gave it: a record's id, Reuters' NEWID, a NewsML guid, a feed item's id "
                      "or link, or the file name without extension.", "000_fdaf5c86bb7df86d"),
        "source": ("Publisher or feed, if known.", "Reuters"),
        "source_path": ("The raw file, relative to `--raw`.", "jsonl/whitehouse_sample.jsonl"),
        "record": ("Where the record is in its file: the line number (from 1) in JSON Lines; from 0 the element "
                   "of a JSON array, the story of Reuters SGML, the newsItem of NewsML, the item of a feed; 0 "
                   "for a text or HTML file (one article).", "3"),
        "format": ("Reader that read it: text, jsonl, sgml, newsml, feed, html.", "text"),
        "url": ("Address of the article, if known.", "https://www.whitehouse.gov/…"),
        "categories": ("The source's own categories, each `field:value` with the field named as the source "
                       "names it, lower case: Reuters `topics:`, `places:`, `people:`, `orgs:`, `exchanges:`; "
                       "feeds `category:`; JSON `categories:`, `category:`, `tags:`, `publisher:`. Empty when "
                       "the source gives none; null only in rows written before the column existed.",
                       "['topics:trade', 'places:japan', 'places:usa']"),
        "headline": ("Headline.", "Tariff deal with US only possible …"),
        "subheadline": ("Subheadline, if any.", "Tokyo, Washington to ‘sort out points …’"),
        "dateline": ("Place line as printed; an inline wire dateline keeps its credit (models/wire/).",
                     "TOKYO, April 11"),
        "byline": ("The reporters' names of a byline taken out of the body (\"By Jane Doe and John Roe\"), null "
                   "when none was found; null also in rows written before the column existed.",
                   "Jane Doe and John Roe"),
        "published_at": ("Publication time in UTC, null when unknown.", "2025-05-02 00:00:00+00:00"),
        "published_from": ("Where `published_at` came from: metadata field, sidecar, dateline, cli_default.",
                           "sidecar"),
        "language": ("Language code.", "en"),
        "text": ("Headline, subheadline, blank line, dateline, then one paragraph per line; every offset in every "
                 "table indexes this.", "Tariff deal with US …\n\nISTANBUL\nA “mutually …"),
        "body_start": ("Offset in `text` where the body begins.", "192"),
        "content_hash": ("Hash of the normalized text and publication time; a stage reruns an article when it "
                         "changes.", "97aba3ea7947dfcfd6b60ccdef70ad9a"),
        "trade_relevance": ("How much the article is about trade policy, from 0 (no trade word) towards 1: "
                            "score / (score + threshold), the score summing the weights of the words of "
                            "`models/relevance/lexicon.csv` in the body (each at most `body_cap` times) and, "
                            "`title_weight` times over, in the headline (`models/relevance/scoring.csv`). "
                            "Null only in rows written before the column existed.", "0.82"),
        "is_trade": ("True when `trade_relevance` is at least 0.5 (the score reaches the threshold): the "
                     "article counts as a trade story, extract parses every sentence its gate picks there (elsewhere only "
                     "the trigger sentences), and with "
                     "`rules_scope = \"trade\"` only such articles get mentions. Null only in rows written "
                     "before the column existed.", "true"),
    },
    "rejects": {
        "reject_id": ("Deterministic id of the reject.", "5d2c…"),
        "source_path": ("The raw file.", "bad/broken.jsonl"),
        "record": ("The record, numbered as `articles.record`; null when the whole file is rejected; for too "
                   "many records, how many were read.", "2"),
        "reason": ("Short reason code (malformed_json, unsafe_xml, empty_body, binary_file, …).", "malformed_json"),
        "stage": ("Stage that rejected it.", "ingest"),
        "detail": ("What was wrong and what to do.", "line 3 does not parse: Expecting ',' delimiter"),
        "article_id": ("The article, when a later stage rejected it.", "null"),
    },
    "runs": {
        "stage": ("Stage name.", "extract"),
        "started_at": ("Start (UTC).", "2025-05-02 02:15:00+00:00"),
        "ended_at": ("End (UTC).", "2025-05-02 02:16:10+00:00"),
        "inputs": ("Files with their hashes (ingest) or tables with the rules version.", "['text/a.txt#b953…']"),
        "rules_version": ("Hash of the stage's code and rule files (and the upstream's).", "ad601fc7924582a9"),
        "rows_in": ("Files (ingest) or articles processed.", "120"),
        "rows_out": ("Rows written.", "5400"),
        "rejects": ("Rejects this stage produced in this run.", "2"),
        "skipped": ("Inputs skipped as unchanged.", "21000"),
        "status": ("ok, rejects or failed; running while the stage runs, interrupted when a later run found it "
                   "died or it was stopped.", "ok"),
        "message": ("Error message when failed.", "null"),
        "packages": ("JSON of Python and package versions.", '{"spacy": "3.8.18", …}'),
    },
    "mentions": {
        "kind": ("official, person, organization, title, country, rate, money, date, duration, set, quote, cue, "
                 "trigger, modal; reported (what a speaker said without quotation marks, read from the parse of "
                 "the sentences the parser reads and, for the cues the parse does not read, from the word order around a "
                 "reporting cue, rule ids `reported_words.csv:<pattern>`; its label holds the cue's lemma and the "
                 "cue's and speaker's offsets).", "country"),
        "label": ("The rule's hint for the normalizer (ISO code and form, title, cue lemma, event type …).",
                  "JPN:demonym"),
    },
    "sentences": {
        "paragraph_index": ("Line of `articles.text` the sentence is on.", "4"),
        "parsed": ("True when the parser read the sentence (its tokens are in `tokens`); only sentences a rule "
                   "needs are parsed: with an event trigger, a quotation cue or reporting word, or a date "
                   "whose value depends on tense, in trade stories (`articles.is_trade`) with an event trigger; "
                   "in other articles only the sentences with an event trigger (`models/parser/gate.csv`).", "true"),
    },
    "tokens": {
        "token_index": ("Index of the token in its sentence (the parser's own tokenization).", "3"),
        "text": ("The token as it stands in the article.", "imposed"),
        "lemma": ("Base form (spaCy's rule lemmatizer over the predicted part of speech).", "impose"),
        "upos": ("Universal part-of-speech tag.", "VERB"),
        "morph": ("Universal morphological features, `|`-separated; null when none.",
                  "Mood=Ind|Tense=Past|VerbForm=Fin"),
        "head_index": ("`token_index` of the syntactic head in the same sentence; a root is its own head.", "1"),
        "dep": ("Universal Dependencies relation to the head (`ROOT` for a root).", "nsubj"),
    },
    "countries": {
        "iso3": ("ISO 3166-1 alpha-3; EU for the European Union/Community; historic states keep their codes "
                 "(SUN, DDR, YUG, CSK).", "JPN"),
        "wikidata_qid": ("Wikidata item of `iso3` (`models/countries/wikidata.csv`): countries, the EU and the "
                         "historic states alike; null only for a code the list lacks.", "Q17"),
        "form": ("name, abbreviation, demonym, government (a capital standing for its government), capital (a "
                 "capital as a mere place: \"talks in Tokyo\") or city (a non-capital city, datelines only).",
                 "demonym"),
        "is_dateline": ("True when the mention is in the dateline (the desk's place line).", "false"),
    },
    "people": {
        "person_id": ("Id of the person within the article (the official_id for officials).", "ryosei-akazawa"),
        "name": ("Fullest form of the name seen in the article.", "Ryosei Akazawa"),
        "is_official": ("True when the person acts for a government or intergovernmental body.", "true"),
        "official_id": COMMON["official_id"],
        "title": ("Title as stated.", "top trade negotiator"),
        "organization": ("Organization, where stated.", "Kyodo News"),
    },
    "officials": {
        "name": ("Fullest form of the name seen in the article.", "Scott Bessent"),
        "title": ("Title as stated, shortest clean form; null for a listed office-holder named without a title "
                  "(“Trump's tariffs”), who is an official when the publication date lies in their term.",
                  "Treasury Secretary"),
        "is_former": ("True when the article names the person by an office they no longer hold "
                      "(“former President Joe Biden”); title and country are that office's.", "false"),
        "country_iso3": ("Country the official serves (EU for EC officials; null for GATT/WTO staff).", "USA"),
        "organization": ("Ministry, agency or body, where stated.", "Ministry of International Trade and Industry"),
        "wikidata_qid": ("Wikidata item of the person, when `official_id` is a listed office-holder of "
                         "`models/people/known_officials.csv` (of the same country); else null.", "Q22686"),
        "in_office": ("Whether the person held the office `title` names on the article's publication date "
                      "(UTC day; a term's first and last days count), per the listed terms. True: a term of "
                      "that office covers the day; false: every such term began after it or ended before it "
                      "(“former President Joe Biden” in 2025 is false, as `is_former` says); null when the "
                      "person is not listed, the article has no date or no title, the title names none of "
                      "their listed offices (\"Vice President\" is not \"President\"), or a term "
                      "dated only to the month or year cannot tell.", "true"),
    },
    "rates": {
        "value": ("The number (24 for “24%”).", "24.0"),
        "unit": ("percent, percentage_points or basis_points.", "percent"),
        "rate_kind": ("tariff, duty, tax, levy, or other (growth, inflation, market share …).", "tariff"),
        "previous_value": ("The earlier rate in “from 10% to 25%”.", "10.0"),
        "applies_to": ("Product or scope, if stated.", "Japanese imports"),
    },
    "money": {
        "value": ("Amount in units of the currency.", "550000000000.0"),
        "currency": ("ISO 4217 code.", "USD"),
    },
    "dates": {
        "timex_type": ("DATE, DURATION or SET.", "DATE"),
        "value": ("TIMEX3-style value; null when unresolved.", "2025-05-01"),
        "granularity": ("day, week, month, quarter, season, half (`2025-H2`), year or fiscal_year (`FY2026`, the "
                        "fiscal year ending in 2026); null for durations and sets.", "day"),
        "anchor": ("The date a relative expression was resolved from; null for absolute dates.", "2025-05-02"),
        "modifier": ("AS_EARLY_AS, BEFORE, ON_OR_BEFORE, AFTER, APPROX, START, MID, END; MORE_THAN, LESS_THAN "
                     "and EQUAL_OR_MORE only inside the span (\"more than five years\").", "AS_EARLY_AS"),
        "resolved": ("False when the text is relative and no anchor date was known.", "true"),
    },
    "quotes": {
        "quote_id": ("Deterministic id of the quote.", "7e1d…"),
        "text": ("The words inside the quotation marks; for reported speech, the reported clause.",
                 "It'd be good if we can enter that phase."),
        "kind": ("full (a sentence or more) or partial (a fragment inside a reporter's sentence; always for "
                 "reported speech).", "full"),
        "speaker_name": ("Fullest name of the speaker, or an organization; null when unknown.", "Ryosei Akazawa"),
        "speaker_official_id": ("official_id of the speaker, when an official.", "ryosei-akazawa"),
        "speaker_text": ("The words that named the speaker where it was said.", "he"),
        "cue": ("The cue verb's lemma.", "say"),
        "unbalanced": ("True when the closing mark was missing and the quote was closed at the paragraph end.",
                       "false"),
        "quote_type": ("direct (inside quotation marks), indirect (reported speech without marks: \"X said "
                       "(that) …\", \"according to X, …\") or mixed (a reported clause holding a quoted fragment, "
                       "which keeps its own direct row).", "indirect"),
        "speaker_kind": ("person, organization (\"the ministry said\") or unresolved (no speaker, or one no "
                         "name was found for: \"a senior official\", \"officials\").", "person"),
    },
    "event_mentions": dict(EVENT_COLUMNS),
    "events": {**EVENT_COLUMNS, "article_ids": ("Every article reporting the event (join keys to `articles`).",
                                                "['06e8b20ca95ba534']"),
               "event_id": ("Id of the merged event: its first mention row's `event_id` (a hash of it with the first "
                            "article's id when an earlier event of the same key took that id).", "9c1e4b7a20d3f6e8"),
               "evidence_article_id": ("The article whose sentence is `evidence` (the first to report it).",
                                       "06e8b20ca95ba534"),
               "first_published_at": ("Publication time of the first article reporting the event (UTC).",
                                      "2025-05-02 00:00:00+00:00"),
               "event_mention_ids": ("Each merged `event_mentions` row as `<article_id>:<event_id>` (the join back).",
                                     "['06e8b20ca95ba534:9c1e4b7a20d3f6e8']")},
    "tariff_timeline": {
        "timeline_id": ("Deterministic id: hash of actor, target, product, status and valid_from.",
                        "4b7a20d39c1e6e8f"),
        "actor_iso3": ("The government imposing the tariff.", "USA"),
        "target_iso3": ("The country the tariff applies to; null for the pseudo-targets of `target_scope`.", "CAN"),
        "target_scope": ("bilateral (one target), all, all_except (every country but `excluded_iso3`) or "
                         "unspecified (the articles name no target).", "bilateral"),
        "excluded_iso3": ("Countries excluded (for all_except).", "['CHN']"),
        "product": ("The goods covered; null when no product is named (all goods).", "steel"),
        "hs_codes": ("HS 2022 codes of the product (models/events/hs_codes.csv).", "['72', '73']"),
        "status": ("asserted (reported as done: moves the timeline), planned or threatened (kept apart, never "
                   "moving the asserted intervals).", "asserted"),
        "change": ("What began the interval: imposed, increased, reduced, suspended, resumed, exempted or removed.",
                   "increased"),
        "in_force": ("Whether a tariff applies during the interval (false after exempted, removed, and suspended "
                     "unless the pause keeps part of the tariff, whose rate is then rate_value; false after a change "
                     "paused before its day of effect, effective_on, which lies after valid_to).",
                     "true"),
        "rate_value": ("The rate in force during the interval, in percent; null when no report states it.", "25.0"),
        "rate_previous": ("The rate in force before the change, when known.", "10.0"),
        "valid_from": ("First day of the interval.", "2025-03-04"),
        "valid_to": ("Day the next interval starts (exclusive end); null while the interval is open.",
                     "2025-04-09"),
        "announced_on": ("Day the change was announced, when the text distinguishes it from its effect.",
                         "2025-02-01"),
        "effective_on": ("Day the change took effect (or was to, when paused before it), when stated.",
                         "2025-03-04"),
        "conflict": ("True when reports disagree on the interval's rate or date.", "false"),
        "alternatives": ("The disagreeing readings with the event that gives each.",
                         "['rate 20 (event 9c1e4b7a20d3f6e8)']"),
        "event_ids": ("The events this interval rests on (join keys to `events`).", "['9c1e4b7a20d3f6e8']"),
        "article_ids": ("The articles reporting those events (join keys to `articles`).", "['06e8b20ca95ba534']"),
    },
    "_ledger/ingest": {
        "source_path": ("The raw file.", "text/a.txt"),
        "file_hash": ("Hash of its bytes when read.", "b953…"),
        "rules_version": ("Reader code version.", "fc0a…"),
        "articles": ("Articles it gave.", "1"),
        "rejects": ("Rejects it gave.", "0"),
        "bytes_hash": ("Hash of its bytes and sidecars without its name: a renamed file keeps it.", "5d1c…"),
        "article_ids": ("Every article it holds, also those stored from a later file holding them too.",
                        "['06e8b20ca95ba534']"),
    },
}

JOIN_KEYS = ("article_id", "mention_id", "official_id", "event_id", "quote_id", "person_id")


def describe(table: str, column: str) -> tuple[str, str]:
    """``(meaning, example)`` of a column, failing with the names when undocumented."""
    own = COLUMNS.get(table, {})
    if column in own:
        return own[column]
    if column in COMMON:
        return COMMON[column]
    raise KeyError(f"column {column!r} of table {table!r} has no description in pipeline/dictionary.py")


# Where these tables go beyond the shared design contract, said once for a reader who knows it.
CONTRACT_NOTE = (
    "Beyond the design contract: every column the contract names keeps its meaning; the tables add "
    "columns (among them `articles.byline`, `trade_relevance`, `is_trade`; `countries.wikidata_qid`; "
    "`officials.is_former`, `wikidata_qid`, `in_office`; `quotes.quote_type`, `speaker_kind`; the event date "
    "range, codes, `hs_codes`, `is_background`, `rule_score` on the events tables), the `tokens` table of the "
    "parse, the `tariff_timeline` table built from `events`, the event type `sanction`, the "
    "target scope `unspecified` and the granularities `season` (`2025-SU`) and `half` (`2025-H2`) of dates and events, and fiscal years (`FY2026`, granularity `fiscal_year`) among dates. One reading widens: `quotes` holds reported speech as well as quotations, "
    "so its `text` is the reported clause where `quote_type` is not `direct` (keep `quote_type == 'direct'` "
    "for the contract's quotations only)."
)


def render() -> str:
    """The Markdown data dictionary for every table in `pipeline.schemas.TABLES`."""
    lines = [
        "# Data dictionary",
        "",
        "Generated from `pipeline/schemas.py` and `pipeline/dictionary.py` by "
        "`python -m pipeline dictionary`; a test fails when they disagree with this file.",
        "",
        "Join keys: " + ", ".join(f"`{key}`" for key in JOIN_KEYS) + ". Offsets index `articles.text`.",
        "",
        CONTRACT_NOTE,
        "",
    ]
    for table, schema in TABLES.items():
        lines += [f"## {table}", "", TABLE_DOCS[table], "", "| column | type | null | meaning | example |",
                  "|---|---|---|---|---|"]
        for field in schema:
            meaning, example = describe(table, field.name)
            key = " (join key)" if field.name in JOIN_KEYS else ""
            example = example.replace("\n", "\\n").replace("|", "\\|")
            lines.append(f"| `{field.name}` | {field.type} | {'yes' if field.nullable else 'no'} | "
                         f"{meaning}{key} | `{example}` |")
        lines.append("")
    return "\n".join(lines)
