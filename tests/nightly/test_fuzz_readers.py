"""Hostile input: generated and mutated files thrown at every reader through `read_file`.

For each reader's extension there are inputs of four kinds: plausible documents of that
format whose field values are arbitrary text (markup, quotes, control characters, lone
surrogates in JSON escapes, impossible dates), the same documents mutated (truncated,
bytes flipped, junk or invalid UTF-8 spliced in, slices doubled or cut), random bytes, and
random text. Two Hypothesis tests per extension: a seeded one, where Hypothesis draws a
seed that drives these generators through `random.Random` for `BATCH` inputs (most of the
inputs: drawing a seed is cheap), and a structured one, where Hypothesis draws every field
itself (fewer, slower to draw, and it shrinks a failure to a small input). Text files also
get arbitrary sidecars. A fixed set of known attacks (billion laughs, external entities,
deep nesting, giant lines, zip and gzip junk, UTF-16 and NUL bytes) runs for every
extension too. Every input must:

* finish within `DEADLINE_MS` (plus 10 s a megabyte for the big attacks; a hang fails
  through an alarm after `HANG_SECONDS`),
* raise nothing, and yield at least one `RawArticle` or `RawReject`,
* never end in a ``reader_error`` reject (the safety net in `read_file` that means a reader
  crashed: the failure message shows the input so the reader can be fixed),
* give rejects a known reason and a non-empty detail, and keep the limits in `Settings`,
* give articles that ingest either stores or rejects by name (no write can fail on them).

Inputs are derandomized (the same on every run) and counted: each test asserts it ran its
share, and the shares add up to at least `TOTAL_EXAMPLES`.
"""

from __future__ import annotations

import json
import random
import signal
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline.articles import assemble
from pipeline.config import MODELS_DIR, Settings, make_settings
from pipeline.readers import read_file
from pipeline.records import REJECT_REASONS, RawArticle, RawReject
from pipeline.schemas import conform
from pipeline.stages.ingest import check_record, ingest_rules, with_default_date, with_relevance

DEADLINE_MS = 2000
HANG_SECONDS = 30
# Examples per extension (seeded, structured); slower readers get fewer to keep the time budget.
EXAMPLES = {".txt": (1500, 90), ".jsonl": (1500, 90), ".json": (1400, 90), ".sgm": (1600, 90),
            ".xml": (1300, 90), ".rss": (1200, 90), ".html": (700, 60)}
SIDECAR_EXAMPLES = 400
BATCH = 10  # seeded inputs per Hypothesis example: drawing one seed is cheap, running one example is not
TOTAL_EXAMPLES = 10_000
SMALL = make_settings(max_file_bytes=6000, max_field_chars=300, max_records_per_file=3)
DEFAULT = make_settings()

# ---------------------------------------------------------------- field values

NASTY = ("", " ", "\x00", "\x1b[31m", "<", "&", "&amp;", "&#0;", "&#xD800;", "&bogus;", "]]>", "<![CDATA[",
         "</BODY>", "</REUTERS>", "<REUTERS>", "<item>", "</p>", "<script>alert(1)</script>", "\"", "'",
         "\\", "\u2028", "\ufeff", "\ufffd", "\U0001f600", "e\u0301", "\u202e", "\r\n", "\r", "9" * 400,
         "-" * 120, "TOKYO, April 11 - ", "1987-02-30", "26-FEB-1987 25:61:61.00", "0001-01-01T00:00:00+14:00",
         "9999-12-31T23:59:59-14:00", "NaN", "null", "[]", "{}")
text = st.one_of(st.text(max_size=120), st.sampled_from(NASTY),
                 st.lists(st.sampled_from(NASTY), max_size=6).map("".join))
dates = st.one_of(st.sampled_from(("26-FEB-1987 15:01:01.79", "2025-05-02T09:30:00Z", "Fri, 02 May 2025 09:30:00 GMT",
                                   "2025-05-02", "May 2, 2025", "yesterday", "2025-13-45", "0000-00-00")), text)


STORY_TYPES = ("", ' TYPE="BRIEF"', ' TYPE="UNPROC"')  # the kinds of Reuters story


def xml_escape(value: str) -> str:
    """Escape for XML text (a valid document needs it; the mutations undo it often enough)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------- plausible documents


@st.composite
def wire_text(draw) -> bytes:
    head = f"{draw(text)}\n{draw(text)}\n\n" if draw(st.booleans()) else f"{draw(text)}\n\n"
    body = "\n".join(draw(st.lists(text, max_size=5)))
    return (head + draw(st.sampled_from(("TOKYO", "ISTANBUL, May 2", ""))) + "\n" + body).encode("utf-8", "replace")


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | text,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
                           max_leaves=8)
KEYS = ("id", "guid", "title", "headline", "url", "link", "published", "date", "published_at", "text", "body",
        "content", "source", "language", "dateline", "subtitle")


@st.composite
def json_record(draw) -> dict:
    record = {key: draw(st.one_of(text, dates)) for key in draw(st.lists(st.sampled_from(KEYS), max_size=8))}
    if draw(st.booleans()):
        record[draw(st.sampled_from(KEYS))] = draw(json_values)
    return record


@st.composite
def json_lines(draw) -> bytes:
    records = draw(st.lists(st.one_of(json_record(), json_values), max_size=5))
    lines = [json.dumps(r, ensure_ascii=draw(st.booleans())) for r in records]
    return "\n".join(lines).encode("utf-8", "surrogatepass")


@st.composite
def json_document(draw) -> bytes:
    records = draw(st.lists(st.one_of(json_record(), json_values), max_size=4))
    document = records if draw(st.booleans()) else (records[0] if records else {})
    return json.dumps(document, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


@st.composite
def reuters_sgml(draw) -> bytes:
    stories = []
    for number in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(STORY_TYPES))
        stories.append(
            f'<REUTERS TOPICS="YES" NEWID="{draw(st.integers(0, 99999)) if number else draw(text)}"{kind}>\n'
            f"<DATE>{draw(dates)}</DATE>\n<TEXT>&#2;\n<TITLE>{draw(text)}</TITLE>\n"
            f"<DATELINE>    {draw(text)} - </DATELINE><BODY>{draw(text)}\n  {draw(text)}\n Reuter\n&#3;</BODY>"
            "</TEXT>\n</REUTERS>\n")
    return ('<!DOCTYPE lewis SYSTEM "lewis.dtd">\n' + "".join(stories)).encode("latin-1", "replace")


@st.composite
def newsml(draw) -> bytes:
    paragraphs = "".join(f"<p>{xml_escape(draw(text))}</p>" for _ in range(draw(st.integers(0, 3))))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" '
            f'guid="{xml_escape(draw(text))}" version="1"><itemMeta><versionCreated>{xml_escape(draw(dates))}'
            f"</versionCreated></itemMeta><contentMeta><headline>{xml_escape(draw(text))}</headline>"
            f"<dateline>{xml_escape(draw(text))}</dateline></contentMeta><contentSet><inlineXML "
            f'contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>{paragraphs}'
            "</body></html></inlineXML></contentSet></newsItem>").encode("utf-8", "replace")


@st.composite
def feed(draw) -> bytes:
    items = []
    atom = draw(st.booleans())
    for _ in range(draw(st.integers(0, 3))):
        title, summary, date = xml_escape(draw(text)), xml_escape(draw(text)), xml_escape(draw(dates))
        link = xml_escape(draw(st.sampled_from(("https://example.org/a", "", "javascript:x"))) + draw(text))
        if atom:
            items.append(f"<entry><id>{link}</id><title>{title}</title><updated>{date}</updated>"
                         f'<link href="{link}"/><summary type="html">{summary}</summary></entry>')
        else:
            items.append(f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
                         f"<pubDate>{date}</pubDate><description>{summary}</description></item>")
    if atom:
        document = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{"".join(items)}</feed>'
    else:
        document = f'<rss version="2.0"><channel><title>t</title>{"".join(items)}</channel></rss>'
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + document).encode("utf-8", "replace")


@st.composite
def html_page(draw) -> bytes:
    paragraphs = "".join(f"<p>{draw(text)}</p>" for _ in range(draw(st.integers(0, 4))))
    return (f"<!DOCTYPE html><html><head><title>{draw(text)}</title><meta property=\"article:published_time\" "
            f"content=\"{draw(dates)}\"></head><body><nav>{draw(text)}</nav><article><h1>{draw(text)}</h1>"
            f"{paragraphs}</article><footer>{draw(text)}</footer></body></html>").encode("utf-8", "replace")


DOCUMENTS = {".txt": wire_text(), ".jsonl": json_lines(), ".json": json_document(), ".sgm": reuters_sgml(),
             ".xml": st.one_of(newsml(), feed()), ".rss": feed(), ".html": html_page()}

# ---------------------------------------------------------------- mutations

JUNK = (b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\x00", b"\x80\x81\x82", b"<", b"&", b"]]>", b"<!--",
        b"<![CDATA[", b'"', b"{", b"[", b"\n", b"\r", b"\x1a", b"PK\x03\x04", b"<!ENTITY x 'y'>")


@st.composite
def mutated(draw, document: st.SearchStrategy[bytes]) -> bytes:
    data = draw(document)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        how = draw(st.sampled_from(("truncate", "flip", "insert", "double", "cut")))
        if how == "truncate":
            data = data[:at]
        elif how == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
        elif how == "insert":
            data = data[:at] + draw(st.one_of(st.sampled_from(JUNK), st.binary(max_size=16))) + data[at:]
        elif how == "double":
            data = data[:at] + data[at:at + draw(st.integers(0, 200))] + data[at:]
        else:
            data = data[:at] + data[at + draw(st.integers(0, 200)):]
    return data


def inputs_for(suffix: str) -> st.SearchStrategy[bytes]:
    document = DOCUMENTS[suffix]
    return st.one_of(document, mutated(document), st.binary(max_size=600), st.text(max_size=300).map(str.encode))


# ---------------------------------------------------------------- the same, driven by a seed

_RANGES = ((0x20, 0x7E), (0x00, 0x1F), (0x80, 0x2FF), (0x400, 0x4FF), (0x600, 0x6FF), (0x4E00, 0x4FFF),
           (0x2000, 0x206F), (0xFFF0, 0xFFFF), (0x1F600, 0x1F64F))


def r_text(rng: random.Random) -> str:
    """A field value: a nasty classic, random code points from mixed scripts, or a mix."""
    roll = rng.random()
    if roll < 0.3:
        return rng.choice(NASTY)
    if roll < 0.8:
        return "".join(chr(rng.randint(*rng.choice(_RANGES))) for _ in range(rng.randint(0, 60)))
    return "".join(rng.choice(NASTY) + rng.choice(("", " ", "x")) for _ in range(rng.randint(1, 5)))


def r_date(rng: random.Random) -> str:
    return rng.choice(("26-FEB-1987 15:01:01.79", "2025-05-02T09:30:00Z", "Fri, 02 May 2025 09:30:00 GMT",
                       "2025-05-02", "yesterday", "2025-13-45", r_text(rng)))


def r_value(rng: random.Random, depth: int = 0) -> object:
    """A JSON value of any type, nested a little."""
    roll = rng.random()
    if depth < 2 and roll < 0.15:
        return [r_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if depth < 2 and roll < 0.3:
        return {r_text(rng): r_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}
    return rng.choice((None, True, rng.randint(-2**70, 2**70), rng.random() * 1e308, float("nan"), r_text(rng)))


def r_record(rng: random.Random) -> object:
    if rng.random() < 0.1:
        return r_value(rng)
    record: dict = {key: r_text(rng) if rng.random() < 0.6 else r_date(rng)
                    for key in rng.sample(KEYS, rng.randint(0, 8))}
    if rng.random() < 0.3:
        record[rng.choice(KEYS)] = r_value(rng)
    return record


def r_document(suffix: str, rng: random.Random) -> bytes:
    """A plausible document of the format ``suffix`` reads, with random field values."""
    t, e = (lambda: r_text(rng)), (lambda: xml_escape(r_text(rng)))
    count = rng.randint(0, 3)
    if suffix == ".txt":
        body = "\n".join(t() for _ in range(rng.randint(0, 5)))
        return f"{t()}\n{t() if rng.random() < 0.5 else ''}\n\n{rng.choice(('TOKYO', ''))}\n{body}".encode(
            "utf-8", "replace")
    if suffix in (".jsonl", ".json"):
        records = [r_record(rng) for _ in range(count + 1)]
        ascii_only = rng.random() < 0.5  # escapes let lone surrogates through as "\\ud800"
        if suffix == ".jsonl":
            text_form = "\n".join(json.dumps(r, ensure_ascii=ascii_only) for r in records)
        else:
            text_form = json.dumps(records if rng.random() < 0.6 else records[0], ensure_ascii=ascii_only)
        return text_form.encode("utf-8", "surrogatepass")
    if suffix == ".sgm":
        stories = "".join(
            f'<REUTERS NEWID="{rng.randint(0, 99999) if rng.random() < 0.8 else t()}"'
            f"{rng.choice(STORY_TYPES)}>\n<DATE>{r_date(rng)}</DATE>\n<TEXT>&#2;\n"
            f"<TITLE>{t()}</TITLE>\n<DATELINE>    {t()} - </DATELINE><BODY>{t()}\n  {t()}\n Reuter\n&#3;</BODY>"
            "</TEXT>\n</REUTERS>\n" for _ in range(count))
        return ('<!DOCTYPE lewis SYSTEM "lewis.dtd">\n' + stories).encode("latin-1", "replace")
    if suffix == ".html":
        paragraphs = "".join(f"<p>{t()}</p>" for _ in range(rng.randint(0, 4)))
        return (f'<!DOCTYPE html><html><head><title>{t()}</title><meta property="article:published_time" '
                f'content="{r_date(rng)}"></head><body><nav>{t()}</nav><article><h1>{t()}</h1>{paragraphs}'
                f"</article><footer>{t()}</footer></body></html>").encode("utf-8", "replace")
    if suffix == ".xml" and rng.random() < 0.5:
        paragraphs = "".join(f"<p>{e()}</p>" for _ in range(count))
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" '
                f'guid="{e()}" version="1"><itemMeta><versionCreated>{xml_escape(r_date(rng))}</versionCreated>'
                f"</itemMeta><contentMeta><headline>{e()}</headline><dateline>{e()}</dateline></contentMeta>"
                f'<contentSet><inlineXML contenttype="application/xhtml+xml"><html '
                f'xmlns="http://www.w3.org/1999/xhtml"><body>{paragraphs}</body></html></inlineXML></contentSet>'
                "</newsItem>").encode("utf-8", "replace")
    if rng.random() < 0.5:
        items = "".join(f"<entry><id>{e()}</id><title>{e()}</title><updated>{xml_escape(r_date(rng))}</updated>"
                        f'<link href="{e()}"/><summary type="html">{e()}</summary></entry>' for _ in range(count))
        document = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{items}</feed>'
    else:
        items = "".join(f"<item><title>{e()}</title><link>{e()}</link><guid>{e()}</guid>"
                        f"<pubDate>{xml_escape(r_date(rng))}</pubDate><description>{e()}</description></item>"
                        for _ in range(count))
        document = f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + document).encode("utf-8", "replace")


def r_mutate(data: bytes, rng: random.Random) -> bytes:
    """One to three of: truncate, flip a byte, insert junk, double a slice, cut a slice."""
    for _ in range(rng.randint(1, 3)):
        at = rng.randint(0, len(data))
        how = rng.choice(("truncate", "flip", "insert", "double", "cut"))
        if how == "truncate":
            data = data[:at]
        elif how == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ rng.randint(1, 255)]) + data[at + 1:]
        elif how == "insert":
            junk = rng.choice(JUNK) if rng.random() < 0.6 else rng.randbytes(rng.randint(1, 16))
            data = data[:at] + junk + data[at:]
        elif how == "double":
            data = data[:at] + data[at:at + rng.randint(0, 200)] + data[at:]
        else:
            data = data[:at] + data[at + rng.randint(0, 200):]
    return data


def seeded_input(suffix: str, kind: str, seed: int) -> bytes:
    """The input of ``kind`` for ``suffix`` that ``seed`` makes (always the same bytes)."""
    rng = random.Random(seed)
    if kind == "document":
        return r_document(suffix, rng)
    if kind == "mutated":
        return r_mutate(r_document(suffix, rng), rng)
    if kind == "bytes":
        return rng.randbytes(rng.randint(0, 600))
    return r_text(rng).encode("utf-8", "surrogatepass")


KINDS = ("document", "mutated", "mutated", "bytes", "text")  # mutated documents find the most


# ---------------------------------------------------------------- known attacks

BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b"]><rss><channel><item><title>&lol9;</title></item></channel></rss>")
EXTERNAL_ENTITY = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                   b"<newsItem><contentMeta><headline>&xxe;</headline></contentMeta></newsItem>")
PARAMETER_ENTITY = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>'
                    b"<rss><channel/></rss>")
ATTACKS = {
    "billion_laughs": BILLION_LAUGHS,
    "external_entity": EXTERNAL_ENTITY,
    "parameter_entity": PARAMETER_ENTITY,
    "utf16_entity": EXTERNAL_ENTITY.decode().encode("utf-16"),
    "deep_json": b"[" * 200_000 + b"]" * 200_000,
    "deep_json_object": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    "deep_xml": b"<a>" * 10_000 + b"</a>" * 10_000,
    "giant_line": b"TARIFF " * 700_000,
    "giant_json_string": b'{"id": "1", "text": "' + b"x" * 3_000_000 + b'"}',
    "many_lines": b'{"id": 1, "text": "t"}\n' * 20_000,
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 20,
    "gzip": b"\x1f\x8b\x08\x00" + bytes(range(256)) * 20,
    "nul_bytes": b"\x00" * 10_000,
    "utf16_text": "Headline\n\nTOKYO\nBody text.".encode("utf-16"),
    "invalid_utf8": b"Headline\n\n\xff\xfe\xc3\x28 body \xed\xa0\x80 text\n",
    "empty": b"",
    "whitespace": b" \n\t\r\n  ",
    "unclosed_cdata": b"<rss><channel><item><description><![CDATA[never closed",
    "unclosed_comment": b"<!-- " + b"x" * 10_000,
    "unterminated_reuters": b'<REUTERS NEWID="1"><TEXT><BODY>' + b"words " * 50_000,
    "huge_attribute": b'<newsItem guid="' + b"g" * 1_000_000 + b'"/>',
    # The smallest inputs of crashes the fuzzing found, kept so they stay fixed.
    "year_zero_date": b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>t</title><updated>'
                      b"0001-01-01T00:00:00+14:00</updated><summary>x</summary></entry></feed>",
    "year_minus_one_date": b'<rss version="2.0"><channel><item><title>a</title><guid>g</guid><pubDate>0000-00-00'
                           b"</pubDate><description>x</description></item></channel></rss>",
    "unknown_encoding": b'<?xml version="1.0" encoding="kTF-8"?><newsItem xmlns="http://iptc.org/std/nar/'
                        b'2006-10-01/"/>',
    "non_ascii_encoding": b'<?xml version="1.0" encoding="u\xe2f-8"?><rss version="2.0"><channel/></rss>',
}
SUFFIXES = tuple(EXAMPLES)

# ---------------------------------------------------------------- the checks


@contextmanager
def alarm(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: SIGALRM raises after ``seconds``."""
    def expire(signum, frame):
        raise TimeoutError(f"the reader did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def budget(data: bytes) -> float:
    """Seconds a reader may take on ``data``: the deadline, plus 10 s a megabyte for the big attacks."""
    return DEADLINE_MS / 1000 + 10 * len(data) / 1e6


def check(folder: Path, suffix: str, data: bytes, limits: Settings, *,
          sidecar: bytes | None = None) -> list[RawArticle | RawReject]:
    """Read ``data`` as a file ending in ``suffix`` and assert every promise in the module docstring."""
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    meta = folder / "input.meta.json"
    if sidecar is None:
        meta.unlink(missing_ok=True)
    else:
        meta.write_bytes(sidecar)
    # CPU seconds of this process, not wall time: a reader that keeps its deadline spends at most that
    # much CPU, while wall time also counts what other processes on a shared machine take (a loaded
    # machine once stretched a 1 s read past the budget). The alarm still catches a reader that hangs.
    began = time.process_time()
    with alarm(HANG_SECONDS):
        items = list(read_file(path, path.name, limits))
    seconds = time.process_time() - began
    shown = f"{data[:300]!r} ({len(data)} bytes)" + (f" with sidecar {sidecar[:200]!r}" if sidecar else "")
    assert seconds < budget(data), f"the {suffix} reader took {seconds:.1f} s on {shown}"
    assert items, f"no article and no reject for {shown}"
    crashes = [i for i in items if isinstance(i, RawReject) and i.reason == "reader_error"]
    assert not crashes, f"the {suffix} reader crashed on {shown}: {crashes[0].detail}"
    assert len(items) <= limits.max_records_per_file + 1
    if len(data) > limits.max_file_bytes:
        assert [(i.reason, i.record) for i in items] == [("file_too_large", None)]
    rows = []
    for item in items:
        assert isinstance(item, RawArticle | RawReject), type(item)
        if isinstance(item, RawReject):
            assert item.reason in REJECT_REASONS and item.detail.strip(), item
            continue
        assert item.source_path == path.name
        problem = check_record(item, limits)
        if problem is None:  # what ingest would store must fit the schema
            rows.append(with_relevance(assemble(with_default_date(item, limits), "fuzz"), ingest_rules(MODELS_DIR).relevance))
        else:
            assert problem.reason in REJECT_REASONS and problem.detail, problem
    if rows:
        conform("articles", rows)
    return items


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    """Where inputs are written: memory-backed when the machine has /dev/shm (many small writes)."""
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(prefix="fuzz-", dir=shm if shm.is_dir() else None) as name:
        yield Path(name)


HYPOTHESIS = dict(derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.data_too_large])


def known(bugs: dict, values: tuple = SUFFIXES) -> list:
    """``values`` as test parameters, those with an entry in ``bugs`` marked as a known bug (strict xfail)."""
    def param(value):
        marks = [pytest.mark.xfail(strict=True, reason=bugs[value])] if value in bugs else []
        return pytest.param(*(value if isinstance(value, tuple) else (value,)), marks=marks)

    return [param(value) for value in values]


# Reader bugs this suite has found and their owners have yet to fix: the tests still run every
# input, fail, and are reported as expected failures; once fixed, strict xfail makes them fail
# as "XPASS", and the entry goes.
KNOWN_CRASHES: dict[str, str] = {}


@pytest.mark.parametrize("suffix", known(KNOWN_CRASHES))
def test_fuzz_seeded(folder, suffix):
    """Hypothesis draws seeds; each seed makes `BATCH` inputs of mixed kinds (cheap to draw).

    Every input runs even after a failure, and the failures are reported together, one per
    kind of failure with its shortest input: a seed's inputs are not shrunk anyway.
    """
    ran = 0
    failures: dict[str, str] = {}

    @settings(max_examples=EXAMPLES[suffix][0] // BATCH, deadline=None, **HYPOTHESIS)
    @given(seed=st.integers(0, 2**32 - 1))
    def one(seed: int) -> None:
        nonlocal ran
        rng = random.Random(seed)
        for _ in range(BATCH):
            ran += 1
            data = seeded_input(suffix, rng.choice(KINDS), rng.getrandbits(32))
            try:
                check(folder, suffix, data, SMALL if rng.random() < 0.5 else DEFAULT)
            except AssertionError as error:
                message = str(error).split("\n")[0]
                kind = message.split(": ")[-1][:80]
                if kind not in failures or len(message) < len(failures[kind]):
                    failures[kind] = message

    began = time.perf_counter()
    one()
    print(f"fuzz {suffix} seeded: {ran} inputs in {time.perf_counter() - began:.1f} s")
    assert ran >= EXAMPLES[suffix][0]
    assert not failures, f"{len(failures)} kinds of failure:\n" + "\n".join(sorted(failures.values()))


@pytest.mark.parametrize("suffix", known({k: v for k, v in KNOWN_CRASHES.items() if k == ".rss"}))
def test_fuzz_structured(folder, suffix):
    """Hypothesis draws every field of every input (slower to draw; shrinks to a small failing input)."""
    ran = 0

    @settings(max_examples=EXAMPLES[suffix][1], deadline=DEADLINE_MS, **HYPOTHESIS)
    @given(data=inputs_for(suffix), small=st.booleans())
    def one(data: bytes, small: bool) -> None:
        nonlocal ran
        ran += 1
        check(folder, suffix, data, SMALL if small else DEFAULT)

    began = time.perf_counter()
    one()
    print(f"fuzz {suffix} structured: {ran} inputs in {time.perf_counter() - began:.1f} s")
    assert ran >= EXAMPLES[suffix][1]


def test_fuzz_text_sidecars(folder):
    """The plain-text reader also reads ``NAME.meta.json``: arbitrary JSON (or junk) there."""
    ran = 0
    sidecars = st.one_of(json_values.map(json.dumps), st.builds(json.dumps, st.fixed_dictionaries(
        {}, optional={key: st.one_of(json_values, dates) for key in ("id", "headline", "published", "date",
                                                                     "source", "url", "language")})),
        st.binary(max_size=80).map(lambda b: b.decode("latin-1")))

    @settings(max_examples=SIDECAR_EXAMPLES, deadline=DEADLINE_MS, **HYPOTHESIS)
    @given(sidecar=sidecars)
    def one(sidecar: str) -> None:
        nonlocal ran
        ran += 1
        check(folder, ".txt", b"Headline\n\nTOKYO\nA body paragraph.\n", DEFAULT,
              sidecar=sidecar.encode("utf-8", "surrogatepass"))

    one()
    assert ran >= SIDECAR_EXAMPLES


KNOWN_ATTACK_CRASHES: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize(("attack", "suffix"), known(KNOWN_ATTACK_CRASHES, tuple(
    (attack, suffix) for attack in sorted(ATTACKS) for suffix in SUFFIXES)))
def test_known_attacks(folder, attack, suffix):
    items = check(folder, suffix, ATTACKS[attack], DEFAULT)
    if attack in ("billion_laughs", "external_entity", "parameter_entity") and suffix in (".xml", ".rss"):
        assert [i.reason for i in items] == ["unsafe_xml"]
    if attack == "external_entity":
        assert not any("root:" in (i.body if isinstance(i, RawArticle) else i.detail) for i in items)


def test_the_examples_add_up_to_the_promised_total():
    assert sum(sum(share) for share in EXAMPLES.values()) + SIDECAR_EXAMPLES >= TOTAL_EXAMPLES
