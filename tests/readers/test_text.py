"""Plain-text wire copy: the seed article with its sidecar, and bad text files."""

from datetime import UTC, datetime

from tests.readers.helpers import FIXTURES, RAW, articles_of, read_path, rejects_of

SEED = RAW / "text" / "000_fdaf5c86bb7df86d.txt"


def test_seed_with_its_sidecar():
    (article,) = read_path(SEED)
    assert article.source_id == "000_fdaf5c86bb7df86d"
    assert article.headline.startswith("Tariff deal with US only possible")
    assert article.subheadline.startswith("Tokyo, Washington to")
    assert article.dateline == "ISTANBUL"
    assert article.published_at == datetime(2025, 5, 2, tzinfo=UTC)
    assert article.published_from == "sidecar"
    paragraphs = article.body.split("\n")
    assert len(paragraphs) == 13
    assert paragraphs[0].startswith("A “mutually beneficial deal”")
    assert paragraphs[-1].startswith("Ishiba could hold a meeting")


def test_cp1252_text_is_decoded_not_rejected():
    (article,) = read_path(FIXTURES / "cp1252_article.txt")
    assert article.body == "El Gobierno anunció aranceles del 25% sobre el acero importado."
    assert article.dateline == "MADRID"


def test_headline_without_body_is_empty_body(tmp_path):
    path = tmp_path / "headline_only.txt"
    path.write_text("A headline and nothing else\n\n", encoding="utf-8")
    (reject,) = rejects_of(read_path(path))
    assert reject.reason == "empty_body"


def test_binary_file_with_text_extension(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    items = read_path(path)
    assert not articles_of(items)
    assert [r.reason for r in rejects_of(items)] == ["binary_file"]
