"""Sample documents built in memory for the text-extraction tests."""

import functools
import io
import struct
import zipfile

SENTENCE = "Työsuojelupäälliköiden verkosto kokoontui Helsingissä"


def pdf(*pages: str) -> bytes:
    from fpdf import FPDF

    document = FPDF()
    document.set_font("helvetica", size=12)
    for text in pages or (SENTENCE,):
        document.add_page()
        document.multi_cell(0, 10, text=text)
    return bytes(document.output())


def docx() -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph(SENTENCE)
    document.add_paragraph("Toinen kappale")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Solu yksi"
    table.cell(0, 1).text = "Solu kaksi"
    document.sections[0].header.paragraphs[0].text = "Ylätunniste Öljy"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append([SENTENCE, 42, 1.5])
    second = book.create_sheet("Toinen")
    second["C3"] = "Kolmas välilehti"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _zip(members: dict[str, str | bytes], stored_first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first:
            archive.writestr(stored_first, members.pop(stored_first), zipfile.ZIP_STORED)
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


_PML = "http://schemas.openxmlformats.org/presentationml/2006/main"
_DML = "http://schemas.openxmlformats.org/drawingml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _slide(*paragraphs: str) -> str:
    body = "".join(f"<a:p><a:r><a:t>{p}</a:t></a:r></a:p>" for p in paragraphs)
    return (
        f'<p:sld xmlns:p="{_PML}" xmlns:a="{_DML}"><p:cSld><p:spTree><p:sp><p:txBody>'
        f"{body}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
    )


def pptx() -> bytes:
    """Two slides; presentation.xml shows slide2.xml first."""
    rels = "".join(
        f'<Relationship Id="rId{n}" Target="slides/slide{n}.xml" Type="{_RELS}/slide"/>'
        for n in (1, 2)
    )
    return _zip(
        {
            "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
            "ppt/presentation.xml": (
                f'<p:presentation xmlns:p="{_PML}" xmlns:r="{_RELS}"><p:sldIdLst>'
                '<p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId1"/>'
                "</p:sldIdLst></p:presentation>"
            ),
            "ppt/_rels/presentation.xml.rels": (
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f"{rels}</Relationships>"
            ),
            "ppt/slides/slide1.xml": _slide("Toinen dia"),
            "ppt/slides/slide2.xml": _slide("Ensimmäinen dia", SENTENCE),
        }
    )


_ODF_BODIES = {
    "odt": "<office:text><text:h>Otsikko</text:h><text:p>{s}</text:p></office:text>",
    "ods": (
        "<office:spreadsheet><table:table><table:table-row>"
        "<table:table-cell><text:p>{s}</text:p></table:table-cell>"
        "</table:table-row></table:table></office:spreadsheet>"
    ),
    "odp": (
        "<office:presentation><draw:page><draw:frame><draw:text-box>"
        "<text:p>{s}</text:p></draw:text-box></draw:frame></draw:page></office:presentation>"
    ),
}
_ODF_MIMETYPES = {"odt": "text", "ods": "spreadsheet", "odp": "presentation"}


def odf(kind: str) -> bytes:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0">'
        "<office:automatic-styles/><office:body>"
        + _ODF_BODIES[kind].format(s=SENTENCE.replace(" ", " <text:s/>", 1))
        + "</office:body></office:document-content>"
    )
    mimetype = "application/vnd.oasis.opendocument." + _ODF_MIMETYPES[kind]
    return _zip({"mimetype": mimetype, "content.xml": content}, stored_first="mimetype")


def image(kind: str) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "red").save(buffer, format=kind.upper())
    return buffer.getvalue()


def broken_ooxml() -> bytes:
    """Looks like a DOCX, but word/document.xml is not XML."""
    return _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document><w:body"})


@functools.cache
def with_bomb(document: bytes, name: str, size: int = 60 * 1024 * 1024, lie: bool = False) -> bytes:
    """``document`` with member ``name`` replaced by ``size`` bytes of spaces
    (about 1000:1 compressed); ``lie`` declares its uncompressed size as 1 kB."""
    source = zipfile.ZipFile(io.BytesIO(document))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != name:
                archive.writestr(info, source.read(info))
        with archive.open(name, "w") as member:
            block = b" " * (1024 * 1024)
            for _ in range(size // len(block)):
                member.write(block)
    data = bytearray(buffer.getvalue())
    if lie:  # the bomb is the last member, so its central directory entry is the last one
        header_offset = zipfile.ZipFile(buffer).getinfo(name).header_offset
        struct.pack_into("<I", data, header_offset + 22, 1024)
        struct.pack_into("<I", data, data.rindex(b"PK\x01\x02") + 24, 1024)
    return bytes(data)
