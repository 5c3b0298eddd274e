"""One byte that is not UTF-8 costs only itself: the rest of its file stays UTF-8 (its ids unchanged)."""

from __future__ import annotations

import json

import pytest

from pipeline.articles import assemble
from tests.readers.helpers import articles_of, read_path, rejects_of

QUOTED = "Japan’s minister said “tariffs will rise” — again."


def ids(items) -> list[str]:
    return [assemble(a, "run")["article_id"] for a in articles_of(items)]


def jsonl(stray: bytes) -> bytes:
    first = json.dumps({"id": "a", "title": "A", "text": "Caf" + "STRAY" + " prices rose."}).encode()
    second = json.dumps({"id": "b", "title": "B", "text": QUOTED}, ensure_ascii=False).encode()
    return first.replace(b"STRAY", stray) + b"\n" + second + b"\n"


def sgml(stray: bytes) -> bytes:
    story = ('<REUTERS NEWID="{n}"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><TITLE>T{n}</TITLE>'
             '<BODY>{body}\nReuter</BODY></TEXT></REUTERS>\n')
    return (story.format(n=1, body="Caf" + "STRAY" + " prices rose.").encode().replace(b"STRAY", stray)
            + story.format(n=2, body=QUOTED).encode())


@pytest.mark.parametrize(("name", "make"), [("feed.jsonl", jsonl), ("reut2-000.sgm", sgml)])
def test_a_stray_byte_leaves_the_other_records_as_they_were(tmp_path, name, make):
    clean, damaged = tmp_path / "clean", tmp_path / "damaged"
    clean.mkdir(), damaged.mkdir()
    (clean / name).write_bytes(make("é".encode()))
    (damaged / name).write_bytes(make(b"\xe9"))  # the same é, written in cp1252
    before, after = read_path(clean / name), read_path(damaged / name)
    assert not rejects_of(after)
    assert [a.body for a in articles_of(after)] == [a.body for a in articles_of(before)]
    assert QUOTED in articles_of(after)[1].body
    assert ids(after) == ids(before)


@pytest.mark.parametrize("name", ["story.txt", "page.html"])
def test_a_stray_byte_in_a_one_article_file_costs_only_itself(tmp_path, name):
    body = f"Caf\xe9 prices rose sharply on Thursday in Tokyo markets.\n{QUOTED}"
    if name.endswith(".html"):
        paragraphs = "".join(f"<p>{line} {'More words about trade. ' * 8}</p>" for line in body.split("\n"))
        text = (f"<html><head><title>Trade</title></head><body><article><h1>Trade</h1>{paragraphs}</article>"
                "</body></html>")
    else:
        text = f"Trade\n\nTOKYO\n{body}\n"
    path = tmp_path / name
    path.write_bytes(text.encode().replace("\xe9".encode(), b"\xe9"))
    [article] = articles_of(read_path(path))
    assert "Café prices" in article.body and QUOTED in article.body


def test_a_file_written_wholly_in_cp1252_still_reads(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(f"Old wire\n\nTOKYO\n{QUOTED} Café.\n".encode("cp1252"))
    [article] = articles_of(read_path(path))
    assert QUOTED in article.body and "Café" in article.body
