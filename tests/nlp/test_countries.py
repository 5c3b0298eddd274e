"""The country gazetteer component: names, forms, traps, datelines, serialization and versioning."""

import shutil

import pycountry
import pytest
import spacy

from pipeline.config import MODELS_DIR
from pipeline.nlp.build import build_nlp, pipeline_version
from pipeline.nlp.country_gazetteer import iso_name_forms, iso_rows, load_gazetteer
from pipeline.rulefiles import read_rows as read_table


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(MODELS_DIR, ("trade_sentences_v1", "trade_countries_v1"))


def countries(nlp, text):
    """``[(span text, label)]`` of the country spans of ``text``, in order."""
    doc = nlp(text)
    return [(span.text, span.label_) for span in sorted(doc.spans.get("country", []), key=lambda s: s.start)]


def codes(nlp, text):
    return {label.split(":")[0] for _, label in countries(nlp, text)}


def test_splitting_a_glued_name_keeps_the_sentence_starts_in_step(nlp):
    from spacy.attrs import SENT_START

    doc = nlp("Talks on the U.S./Japan pact and the EC/Canada deal ended. Officials met.\nTariffs rose.")
    assert [t.text for t in doc[3:6]] == ["U.S.", "/", "Japan"]
    flagged = [i for i, value in enumerate(doc.to_array(SENT_START).tolist()) if value == 1]
    assert doc._.sentence_token_starts == flagged
    assert [doc[i].text for i in flagged] == ["Talks", "Officials", "Tariffs"]


# -- the gazetteer ------------------------------------------------------------------------------------------

def test_gazetteer_holds_all_249_iso_countries():
    data = load_gazetteer(MODELS_DIR)
    iso = {country.alpha_3 for country in pycountry.countries}
    assert len(iso) == 249
    assert iso <= {entry["iso3"] for entry in data["entries"]}
    assert {row["iso3"] for row in read_table(MODELS_DIR / "countries" / "countries.csv")} == iso


def test_committed_iso_table_matches_pycountry():
    """countries.csv is what `--regenerate` writes; rerun it when pycountry changes."""
    assert read_table(MODELS_DIR / "countries" / "countries.csv") == iso_rows()


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Japan", ["Japan"]),
        ("Korea, Republic of", ["Republic of Korea"]),
        ("Virgin Islands, British", ["British Virgin Islands"]),
        ("Congo, The Democratic Republic of the", ["Democratic Republic of the Congo"]),
        ("the State of Palestine", ["State of Palestine"]),
        ("Falkland Islands (Malvinas)", ["Falkland Islands", "Malvinas", "Falkland Islands (Malvinas)"]),
        ("Saint Martin (French part)", ["Saint Martin", "Saint Martin (French part)"]),
        ("Saint Helena, Ascension and Tristan da Cunha", ["Saint Helena, Ascension and Tristan da Cunha"]),
    ],
)
def test_iso_name_forms(name, forms):
    assert iso_name_forms(name) == forms


def test_one_text_with_two_codes_is_refused(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR / "countries", models / "countries")
    with (models / "countries" / "aliases.csv").open("a", encoding="utf-8") as handle:
        handle.write("FRA,Japan,name,fold\n")
    with pytest.raises(ValueError, match="'Japan' is JPN in countries.csv but FRA in aliases.csv"):
        load_gazetteer(models)


def test_a_changed_gazetteer_file_changes_the_pipeline_version(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR, models, ignore=shutil.ignore_patterns(".built"))
    before = pipeline_version(models)
    with (models / "countries" / "capitals.csv").open("a", encoding="utf-8") as handle:
        handle.write("PER,Lima,fold\n")
    assert pipeline_version(models) != before


# -- what is found ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names: ISO, short, official and news forms
        ("Japan and China signed.", [("Japan", "JPN:name"), ("China", "CHN:name")]),
        ("The United States and America.", [("United States", "USA:name"), ("America", "USA:name")]),
        ("The Republic of Korea and South Korea.", [("Republic of Korea", "KOR:name"), ("South Korea", "KOR:name")]),
        ("Talks with Korea resumed.", [("Korea", "KOR:name")]),
        ("North Korea fired.", [("North Korea", "PRK:name")]),
        ("Britain and Great Britain.", [("Britain", "GBR:name"), ("Great Britain", "GBR:name")]),
        ("Taiwan, Russia, Vietnam, Iran and Syria.",
         [("Taiwan", "TWN:name"), ("Russia", "RUS:name"), ("Vietnam", "VNM:name"), ("Iran", "IRN:name"),
          ("Syria", "SYR:name")]),
        ("Bolivia, Venezuela, Tanzania, Laos and Moldova.",
         [("Bolivia", "BOL:name"), ("Venezuela", "VEN:name"), ("Tanzania", "TZA:name"), ("Laos", "LAO:name"),
          ("Moldova", "MDA:name")]),
        ("The Czech Republic and Ivory Coast.", [("Czech Republic", "CZE:name"), ("Ivory Coast", "CIV:name")]),
        ("Hong Kong, Macau and Macao.", [("Hong Kong", "HKG:name"), ("Macau", "MAC:name"), ("Macao", "MAC:name")]),
        ("the People’s Republic of China", [("People’s Republic of China", "CHN:name")]),
        ("the Philippines", [("Philippines", "PHL:name")]),
        # abbreviations
        ("The U.S. and the US and the U.S.A.",
         [("U.S.", "USA:abbreviation"), ("US", "USA:abbreviation"), ("U.S.A.", "USA:abbreviation")]),
        ("The UK and the U.K.", [("UK", "GBR:abbreviation"), ("U.K.", "GBR:abbreviation")]),
        ("the U.S.-led talks", [("U.S.", "USA:abbreviation")]),
        ("an E.C.-U.S. row", [("E.C.", "EU:abbreviation"), ("U.S.", "USA:abbreviation")]),
        ("the U.S./Japan pact", [("U.S.", "USA:abbreviation"), ("Japan", "JPN:name")]),
        # demonyms
        ("Japanese imports and American troops.", [("Japanese", "JPN:demonym"), ("American", "USA:demonym")]),
        ("Chinese, British, Canadian and Mexican firms.",
         [("Chinese", "CHN:demonym"), ("British", "GBR:demonym"), ("Canadian", "CAN:demonym"),
          ("Mexican", "MEX:demonym")]),
        ("South Korean and Korean and Taiwanese makers.",
         [("South Korean", "KOR:demonym"), ("Korean", "KOR:demonym"), ("Taiwanese", "TWN:demonym")]),
        ("Canadians and Pakistanis voted.", [("Canadians", "CAN:demonym"), ("Pakistanis", "PAK:demonym")]),
        # capitals and seats standing for governments
        ("Tokyo, Washington to sort out points.", [("Tokyo", "JPN:government"), ("Washington", "USA:government")]),
        ("Beijing and Peking and Seoul replied.",
         [("Beijing", "CHN:government"), ("Peking", "CHN:government"), ("Seoul", "KOR:government")]),
        ("Ottawa, Moscow, London, Paris and Bonn agreed.",
         [("Ottawa", "CAN:government"), ("Moscow", "RUS:government"), ("London", "GBR:government"),
          ("Paris", "FRA:government"), ("Bonn", "DEU:government")]),
        ("New Delhi, Canberra and Wellington objected.",
         [("New Delhi", "IND:government"), ("Canberra", "AUS:government"), ("Wellington", "NZL:government")]),
        ("Mexico City said so.", [("Mexico City", "MEX:government")]),
        ("Whitehall and the Kremlin disagreed.", [("Whitehall", "GBR:government"), ("Kremlin", "RUS:government")]),
        ("Brussels wants more.", [("Brussels", "EU:government")]),
        # capitals as places
        ("They met in Washington on Thursday.", [("Washington", "USA:capital")]),
        ("The Tokyo-based agency reported.", [("Tokyo", "JPN:capital")]),
        ("Shares on the Tokyo Stock Exchange fell.", [("Tokyo", "JPN:capital")]),
        # blocs
        ("The European Union and the EU and the E.U.",
         [("European Union", "EU:name"), ("EU", "EU:abbreviation"), ("E.U.", "EU:abbreviation")]),
        ("The European Community, the EC and the EEC.",
         [("European Community", "EU:name"), ("EC", "EU:abbreviation"), ("EEC", "EU:abbreviation")]),
        ("The Common Market grew.", [("Common Market", "EU:name")]),
        # historic states
        ("West Germany and East Germany.", [("West Germany", "DEU:name"), ("East Germany", "DDR:name")]),
        ("The Soviet Union, the USSR and Soviet officials.",
         [("Soviet Union", "SUN:name"), ("USSR", "SUN:abbreviation"), ("Soviet", "SUN:demonym")]),
        ("West German exporters.", [("West German", "DEU:demonym")]),
        ("Yugoslavia and Czechoslovakia.", [("Yugoslavia", "YUG:name"), ("Czechoslovakia", "CSK:name")]),
        ("Belgrade and Prague replied.", [("Belgrade", "SRB:government"), ("Prague", "CZE:government")]),
        ("Burma and Zaire.", [("Burma", "MMR:name"), ("Zaire", "COD:name")]),
        # Reuters all-caps headlines
        ("U.S. SENATE PANEL URGES JAPAN TARIFFS",
         [("U.S.", "USA:abbreviation"), ("JAPAN", "JPN:name")]),
        ("SOUTH KOREAN EXPORTS TO CHINA RISE", [("SOUTH KOREAN", "KOR:demonym"), ("CHINA", "CHN:name")]),
    ],
)
def test_finds_countries(nlp, text, expected):
    assert countries(nlp, text) == expected


def test_rule_ids_name_file_and_form(nlp):
    doc = nlp("Japanese officials in Tokyo said Japan and the US would talk; Tokyo said so.")
    assert {(span.text, span.id_) for span in doc.spans["country"]} == {
        ("Japanese", "demonyms.csv:demonym"), ("Tokyo", "capitals.csv:capital"), ("Japan", "countries.csv:name"),
        ("US", "aliases.csv:abbreviation"), ("Tokyo", "capitals.csv:government")}


# -- traps --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "us" the pronoun
        ("Let us talk about it, he told us.", []),
        ("JAPAN SAYS LET US TALK", [("JAPAN", "JPN:name")]),
        ("INDIA TO CUT TARIFFS IN JUNE", [("INDIA", "IND:name")]),  # IN and TO are not codes
        # Jordan and Chad the persons
        ("The star Michael Jordan played, and Jordan said he would return.", []),
        ("The star Michael Jordan played. Imports from Jordan rose.", [("Jordan", "JOR:name")]),
        ("Trade economist Chad Bown said tariffs hurt.", []),
        ("Cotton from Chad and Niger.", [("Chad", "TCD:name"), ("Niger", "NER:name")]),
        # Georgia and Washington the US states
        ("He lives in Atlanta, Georgia, near the plant.", []),
        ("Georgia's governor signed the bill.", []),
        ("A plant in the state of Georgia closed.", []),
        ("Rep. Ed Jenkins, a Democrat from Georgia, agreed.", []),
        ("The Georgia Tech study was cited.", []),
        ("Georgia and Armenia signed a pact.", [("Georgia", "GEO:name"), ("Armenia", "ARM:name")]),
        ("The plant in Everett, Washington closed.", []),
        ("The Washington Post reported it.", []),
        ("The bill of a Washington senator passed.", []),
        ("Meanwhile, Washington said it would act.", [("Washington", "USA:government")]),
        # towns of US states and Canadian provinces
        ("Plants in Paris, Texas, and London, Ontario, and Moscow, Idaho.", []),
        # longest match: states, islands and countries inside other names
        ("Producers in New Mexico and New Jersey.", []),
        ("New Guinea is an island.", []),
        ("Papua New Guinea exports.", [("Papua New Guinea", "PNG:name")]),
        ("Equatorial Guinea and Guinea-Bissau and Guinea.",
         [("Equatorial Guinea", "GNQ:name"), ("Guinea-Bissau", "GNB:name"), ("Guinea", "GIN:name")]),
        ("Sudan and South Sudan.", [("Sudan", "SDN:name"), ("South Sudan", "SSD:name")]),
        ("Niger and Nigeria.", [("Niger", "NER:name"), ("Nigeria", "NGA:name")]),
        ("Dominica and the Dominican Republic.", [("Dominica", "DMA:name"), ("Dominican Republic", "DOM:name")]),
        ("American Samoa and Samoa.", [("American Samoa", "ASM:name"), ("Samoa", "WSM:name")]),
        ("The U.S. Virgin Islands and the British Virgin Islands.",
         [("U.S. Virgin Islands", "VIR:name"), ("British Virgin Islands", "VGB:name")]),
        ("The Virgin Islands are sunny.", []),
        ("Patrols in the East China Sea and in the South China Sea.", []),
        ("The Indian Ocean and Indiana and New England.", []),
        ("Latin America and Latin American and North American markets.", []),
        # common words
        ("She bought fine china and a Thanksgiving turkey.", []),
        ("A wild Turkey and turkey meat.", []),
        ("Turkey said it would retaliate.", [("Turkey", "TUR:name")]),
        # regions, organizations and names that are not countries
        ("European and Asian markets and the White House.", []),
        ("The G7, GATT and the WTO met.", []),
        ("Air France and Japan Airlines cut fares.", []),
        ("Talks in the Uruguay Round and the Tokyo Round.", []),
    ],
)
def test_traps(nlp, text, expected):
    assert countries(nlp, text) == expected


# -- datelines ----------------------------------------------------------------------------------------------

def test_dateline_city_is_found_only_as_a_dateline(nlp):
    text = "Tariff deal with US possible\n\nISTANBUL\nA deal with the US is possible, he said in Istanbul."
    assert countries(nlp, text) == [("US", "USA:abbreviation"), ("ISTANBUL", "TUR:city"),
                                    ("US", "USA:abbreviation")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HEADLINE\n\nNEW YORK, March 31\nPrices fell.", [("NEW YORK", "USA:city")]),
        ("HEADLINE\n\nGENEVA - Talks began.", [("GENEVA", "CHE:city")]),
        ("HEADLINE\n\nTOKYO, April 11\nPrices fell.", [("TOKYO", "JPN:government")]),
        ("HEADLINE\n\nTAUPO, New Zealand, March 23\nTalks.", [("New Zealand", "NZL:name")]),
        ("HEADLINE\n\nGeneva talks resumed.", []),
    ],
)
def test_dateline_places(nlp, text, expected):
    assert countries(nlp, text) == expected


def test_seed_article_countries(nlp):
    text = (MODELS_DIR.parent / "data" / "raw" / "text" / "000_fdaf5c86bb7df86d.txt").read_text(encoding="utf-8")
    found = countries(nlp, text)
    assert {label.split(":")[0] for _, label in found} == {"JPN", "USA", "CHN", "PHL", "CAN", "TUR"}
    assert [label for _, label in found if label.startswith("TUR")] == ["TUR:city"]
    assert ("Tokyo", "JPN:government") in found and ("Washington", "USA:government") in found


# -- serialization ------------------------------------------------------------------------------------------

SAMPLE = ("U.S. SENATE PANEL URGES JAPAN TARIFFS\n\nWASHINGTON, March 3\nThe U.S.-led talks with Tokyo and "
          "the EC, said Michael Jordan, a Georgia Tech economist in Atlanta, Georgia, hurt Japanese makers.")


def test_to_disk_round_trip_gives_the_same_spans(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    doc, loaded_doc = nlp(SAMPLE), loaded(SAMPLE)
    before = [(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans["country"]]
    after = [(s.start_char, s.end_char, s.label_, s.id_) for s in loaded_doc.spans["country"]]
    assert before == after and len(before) == 7


def test_to_bytes_round_trip_gives_the_same_spans(nlp):
    copy = spacy.blank("en")
    copy.add_pipe("trade_sentences_v1")
    copy.add_pipe("trade_countries_v1")
    copy.from_bytes(nlp.to_bytes())
    doc, copied_doc = nlp(SAMPLE), copy(SAMPLE)
    assert [(s.text, s.label_) for s in copied_doc.spans["country"]] == \
        [(s.text, s.label_) for s in doc.spans["country"]]
