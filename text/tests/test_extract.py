"""Text extraction from uploaded documents (search/extract.py); no database."""

import io
import time

import pytest

from text.extract import ExtractionError, detect_type, extract_text
from text.tests import files
from text.tests.files import SENTENCE

SAMPLES = {
    "pdf": files.pdf,
    "docx": files.docx,
    "xlsx": files.xlsx,
    "pptx": files.pptx,
    "odt": lambda: files.odf("odt"),
    "ods": lambda: files.odf("ods"),
    "odp": lambda: files.odf("odp"),
    "txt": lambda: f"{SENTENCE}\n".encode(),
}


@pytest.mark.parametrize("kind", SAMPLES)
def test_detects_type_and_extracts_finnish_text(kind):
    data = SAMPLES[kind]()
    assert detect_type(data) == kind
    assert SENTENCE in extract_text(data)
    assert SENTENCE in extract_text(io.BytesIO(data))


def test_docx_paragraphs_table_cells_and_header():
    lines = extract_text(files.docx()).splitlines()
    assert lines[:2] == [SENTENCE, "Toinen kappale"]
    assert {"Solu yksi", "Solu kaksi", "Ylätunniste Öljy"} <= set(lines)


def test_xlsx_values_of_all_sheets():
    assert extract_text(files.xlsx()).splitlines() == [f"{SENTENCE} 42 1.5", "Kolmas välilehti"]


def test_pptx_follows_slide_order_of_presentation():
    assert extract_text(files.pptx()).splitlines() == ["Ensimmäinen dia", SENTENCE, "Toinen dia"]


def test_odf_spaces_and_headings():
    assert extract_text(files.odf("odt")) == f"Otsikko\n{SENTENCE}"


def test_pdf_pages_in_order():
    assert extract_text(files.pdf("Ensimmäinen sivu", "Toinen sivu")).splitlines() == [
        "Ensimmäinen sivu",
        "Toinen sivu",
    ]


def test_cp1252_text():
    data = SENTENCE.encode("cp1252")
    assert detect_type(data) == "txt"
    assert extract_text(data) == SENTENCE


def test_whitespace_normalised_and_controls_dropped():
    raw = "\ufeff  Työ \t suojelu\u00a0päällikkö \r\n\r\n\n  Helsinki  \n"
    assert extract_text(raw.encode()) == "Työ suojelu päällikkö\nHelsinki"


def test_truncated_to_max_chars():
    data = ((SENTENCE + "\n") * 10_000).encode()
    assert extract_text(data, max_chars=30) == SENTENCE[:30]
    assert len(extract_text(files.docx(), max_chars=60)) == 60


def test_lying_extension_detected_from_content(tmp_path):
    fake_pdf = tmp_path / "raportti.pdf"
    fake_pdf.write_bytes(SENTENCE.encode())
    assert detect_type(fake_pdf.read_bytes()) == "txt"
    with fake_pdf.open("rb") as handle:
        assert extract_text(handle) == SENTENCE
    real_pdf = tmp_path / "muistio.txt"
    real_pdf.write_bytes(files.pdf())
    assert detect_type(real_pdf.read_bytes()) == "pdf"


@pytest.mark.parametrize("kind", ["png", "jpeg", "gif", "webp"])
def test_images_are_detected_and_have_no_text(kind):
    data = files.image(kind)
    assert detect_type(data) == kind
    assert extract_text(data) == ""


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02binary\x00",
        b"Teksti\x00jossa NUL",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),  # legacy .doc (OLE)
        files._zip({"kuva.txt": "ei dokumentti"}),  # a plain ZIP archive
    ],
)
def test_unsupported_content(data):
    assert detect_type(data) is None
    with pytest.raises(ExtractionError, match="not supported"):
        extract_text(data)


@pytest.mark.parametrize("data", [b"", io.BytesIO()])
def test_empty_file_raises(data):
    with pytest.raises(ExtractionError) as error:
        extract_text(data)
    assert error.value.reason == "The file is empty."


def test_truncated_pdf_raises():
    data = files.pdf()
    assert detect_type(data[: len(data) // 2]) == "pdf"
    with pytest.raises(ExtractionError, match="PDF"):
        extract_text(data[: len(data) // 2])


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_truncated_docx_raises(cut):
    data = files.docx()
    with pytest.raises(ExtractionError, match="damaged"):
        extract_text(data[: int(len(data) * cut)])


def test_zip_with_invalid_ooxml_raises():
    data = files.broken_ooxml()
    assert detect_type(data) == "docx"
    with pytest.raises(ExtractionError, match="Word"):
        extract_text(data)


def test_doctype_entities_are_refused():
    laughs = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><x>&b;</x>'
    data = files._zip({"[Content_Types].xml": "<Types/>", "word/document.xml": laughs})
    with pytest.raises(ExtractionError, match="damaged"):
        extract_text(data)


@pytest.mark.parametrize("lie", [False, True], ids=["honest", "lying-size"])
@pytest.mark.parametrize(
    "kind, member",
    [("docx", "word/document.xml"), ("xlsx", "xl/workbook.xml"), ("xlsx", "xl/unused.xml")]
    + [("odt", "content.xml")],
)
def test_zip_bomb_member_raises_quickly(kind, member, lie):
    bomb = files.with_bomb(SAMPLES[kind](), member, lie=lie)
    assert len(bomb) < 200_000  # 60 MB of spaces unpacked
    started = time.monotonic()
    with pytest.raises(ExtractionError):
        extract_text(bomb)
    assert time.monotonic() - started < 2


def test_library_errors_are_wrapped(monkeypatch):
    import pypdf

    def broken(*args, **kwargs):
        raise RecursionError("deep")

    monkeypatch.setattr(pypdf.PdfReader, "__init__", broken)
    with pytest.raises(ExtractionError, match="PDF"):
        extract_text(files.pdf())
