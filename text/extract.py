"""Plain-text extraction from uploaded documents for the search index.

``detect_type`` tells the real type of a file from its content (never from its
name); ``extract_text`` returns its text with whitespace normalised.

Safety: every bad input ends in ``ExtractionError`` (library exceptions are
wrapped). ZIP-based formats are read in bounded chunks and each member is capped
(``MAX_MEMBER_BYTES``, ``MAX_ARCHIVE_BYTES`` in total), so a zip bomb is refused
instead of filling memory. XML is parsed with expat, DOCTYPEs are refused.
"""

import codecs
import io
import posixpath
import re
import struct
import warnings
import zipfile
import zlib
from datetime import date, datetime, time
from xml.parsers import expat

__all__ = ["ExtractionError", "IMAGE_TYPES", "TEXT_TYPES", "detect_type", "extract_text"]

TEXT_TYPES = frozenset({"pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt"})
IMAGE_TYPES = frozenset({"png", "jpeg", "gif", "webp"})

MAX_MEMBER_BYTES = 50 * 1024 * 1024  # uncompressed bytes read from one ZIP member
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024  # uncompressed bytes read from one archive
MAX_SHEET_CELLS = 5_000_000  # cells (including empty padding) visited in a workbook
CHUNK = 64 * 1024

LABELS = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "xlsx": "Excel (XLSX)",
    "pptx": "PowerPoint (PPTX)",
    "odt": "OpenDocument text (ODT)",
    "ods": "OpenDocument spreadsheet (ODS)",
    "odp": "OpenDocument presentation (ODP)",
    "txt": "text",
}
EMPTY = "The file is empty."
UNSUPPORTED = "The file type is not supported."
DAMAGED_ZIP = "The file is damaged or is not a supported document."
DAMAGED = "The {label} file is damaged or could not be read."
TOO_LARGE = "The file contains too much data when unpacked."
ENCRYPTED = "The file is password-protected."


class ExtractionError(Exception):
    """A file whose text cannot be extracted; ``reason`` can be shown to the user."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _Full(Exception):
    """Internal: max_chars reached, stop reading."""


class _DamagedZip(Exception):
    """Internal: ZIP signature but no readable archive."""


# --- detection ---------------------------------------------------------------

_ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.text-template": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.spreadsheet-template": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/vnd.oasis.opendocument.presentation-template": "odp",
}
_OOXML_MAIN = (
    ("word/document.xml", "docx"),
    ("xl/workbook.xml", "xlsx"),
    ("ppt/presentation.xml", "pptx"),
)
# C0 controls other than \t \n \v \f \r, and DEL; same bytes in UTF-8 and cp1252.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")


def detect_type(data: bytes) -> str | None:
    """The real type of ``data``: one of TEXT_TYPES or IMAGE_TYPES, or None."""
    stream = io.BytesIO(data)
    try:
        kind = _sniff(stream)
    except _DamagedZip:
        return None
    if kind == "txt" and _text_encoding(bytes(data)) is None:
        return None
    return kind


def _sniff(stream) -> str | None:
    """Type from magic bytes and ZIP contents; "txt" only means "no other type"."""
    stream.seek(0)
    head = stream.read(16)
    if not head:
        return None
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(stream)
    if _CONTROL_BYTES.search(head):
        return None
    return "txt"


def _zip_type(stream) -> str | None:
    try:
        with zipfile.ZipFile(stream) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                with zf.open("mimetype") as member:
                    mimetype = member.read(100).decode("ascii", "replace").strip()
                return _ODF_TYPES.get(mimetype)
            if "[Content_Types].xml" in names:
                for main, kind in _OOXML_MAIN:
                    if main in names:
                        return kind
    except Exception as exc:  # BadZipFile, zlib.error, EOFError, ...
        raise _DamagedZip from exc
    return None


def _text_encoding(data: bytes) -> str | None:
    if _CONTROL_BYTES.search(data):
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    return None


# --- public entry point --------------------------------------------------------


def extract_text(fileobj_or_bytes, max_chars: int = 1_000_000) -> str:
    """Plain text of a document (images give ""), at most ``max_chars`` long.

    Accepts bytes or a binary file object (read from its start; not closed).
    Raises ExtractionError for empty, unsupported, damaged or oversized files.
    """
    stream = _as_stream(fileobj_or_bytes)
    stream.seek(0)
    if not stream.read(1):
        raise ExtractionError(EMPTY)
    try:
        kind = _sniff(stream)
    except _DamagedZip as exc:
        raise ExtractionError(DAMAGED_ZIP) from exc
    if kind in IMAGE_TYPES:
        return ""
    if kind is None:
        raise ExtractionError(UNSUPPORTED)
    out = _Text(max_chars)
    try:
        stream.seek(0)
        _EXTRACTORS[kind](stream, out)
    except _Full:
        pass
    except ExtractionError:
        raise
    except Exception as exc:
        raise ExtractionError(DAMAGED.format(label=LABELS[kind])) from exc
    return out.value()


def _as_stream(source):
    if isinstance(source, (bytes, bytearray, memoryview)):
        return io.BytesIO(source)
    seekable = getattr(source, "seekable", None)
    if seekable is not None and seekable():
        return source
    return io.BytesIO(source.read())


class _Text:
    """Collects text, normalising whitespace on the fly: runs of spaces become
    one space, line breaks one newline, control characters are dropped."""

    _CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
    _NEWLINE = re.compile(r"[\n\r\v\f\x85\u2028\u2029]")

    def __init__(self, limit: int):
        self.limit = max(0, limit)
        self.reset()

    def reset(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.pending = ""  # separator owed before the next word

    def add(self, text: str) -> None:
        if not text:
            return
        text = self._CONTROL.sub(" ", text)
        for i, line in enumerate(self._NEWLINE.split(text)):
            if i:
                self.newline()
            if not line:
                continue
            if line[0].isspace():
                self.space()
            words = line.split()
            if words:
                self._emit(" ".join(words))
                if line[-1].isspace():
                    self.space()

    def space(self) -> None:
        if not self.pending:
            self.pending = " "

    def newline(self) -> None:
        self.pending = "\n"

    def _emit(self, words: str) -> None:
        if self.size and self.pending:
            words = self.pending + words
        self.pending = ""
        room = self.limit - self.size
        if len(words) >= room:
            self.parts.append(words[:room])
            self.size = self.limit
            raise _Full
        self.parts.append(words)
        self.size += len(words)

    def value(self) -> str:
        return "".join(self.parts).rstrip()


# --- plain text ----------------------------------------------------------------


def _extract_txt(stream, out: _Text) -> None:
    for encoding in ("utf-8-sig", "cp1252"):
        stream.seek(0)
        out.reset()
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            while chunk := stream.read(CHUNK):
                if _CONTROL_BYTES.search(chunk):
                    raise ExtractionError(UNSUPPORTED)
                out.add(decoder.decode(chunk))
            out.add(decoder.decode(b"", final=True))
        except UnicodeDecodeError:
            continue
        return
    raise ExtractionError(UNSUPPORTED)


# --- PDF -----------------------------------------------------------------------


def _extract_pdf(stream, out: _Text) -> None:
    from pypdf import PdfReader

    reader = PdfReader(stream, strict=False)
    if reader.is_encrypted:
        try:
            decrypted = reader.decrypt("")
        except Exception as exc:  # e.g. AES without the crypto dependency
            raise ExtractionError(ENCRYPTED) from exc
        if not decrypted:
            raise ExtractionError(ENCRYPTED)
    pages = reader.pages
    failed = 0
    for number in range(len(pages)):
        try:
            text = pages[number].extract_text()
        except Exception:  # one broken page should not lose the rest
            failed += 1
            continue
        out.add(text)
        out.newline()
    if failed and failed == len(pages):
        raise ExtractionError(DAMAGED.format(label=LABELS["pdf"]))


# --- ZIP / XML formats -----------------------------------------------------------


class _Archive:
    """A ZIP archive whose members are read in bounded chunks."""

    def __init__(self, stream):
        self.stream = stream
        self.zip = zipfile.ZipFile(stream)
        self.names = self.zip.namelist()
        self.total = 0

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = self.zip.getinfo(name)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ValueError(f"unexpected compression in {name}")
        if info.file_size > MAX_MEMBER_BYTES or self.total + info.file_size > MAX_ARCHIVE_BYTES:
            raise ExtractionError(TOO_LARGE)
        return info

    def _count(self, size: int, member_size: int) -> None:
        self.total += size
        if member_size > MAX_MEMBER_BYTES or self.total > MAX_ARCHIVE_BYTES:
            raise ExtractionError(TOO_LARGE)

    def parse(self, name: str, handler) -> None:
        """Feed one member to ``handler`` (start/end/chars methods) through expat."""
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.buffer_size = CHUNK
        parser.StartDoctypeDeclHandler = _refuse_doctype
        parser.EntityDeclHandler = _refuse_doctype
        parser.StartElementHandler = handler.start
        parser.EndElementHandler = getattr(handler, "end", None)
        parser.CharacterDataHandler = getattr(handler, "chars", None)
        read = 0
        with self.zip.open(self._info(name)) as member:
            while chunk := member.read(CHUNK):
                read += len(chunk)
                self._count(len(chunk), read)
                parser.Parse(chunk, False)
        parser.Parse(b"", True)

    def verify(self) -> None:
        """Check that no member decompresses beyond its declared size or the caps.

        For libraries (openpyxl) that read members whole: zipfile trusts the
        declared size, and a lying header could inflate gigabytes in one call.
        """
        for info in self.zip.infolist():
            self._info(info.filename)
            if info.flag_bits & 0x1:
                raise ExtractionError(ENCRYPTED)
            self.stream.seek(info.header_offset)
            header = self.stream.read(30)
            if header[:4] != b"PK\x03\x04":
                raise ValueError("bad local header")
            name_len, extra_len = struct.unpack("<HH", header[26:30])
            self.stream.seek(info.header_offset + 30 + name_len + extra_len)
            left = info.compress_size
            inflate = zlib.decompressobj(-15) if info.compress_type else None
            size = 0
            while left > 0:
                raw = self.stream.read(min(CHUNK, left))
                if not raw:
                    raise ValueError("truncated member")
                left -= len(raw)
                while raw:
                    if inflate is None:
                        data, raw = raw, b""
                    else:
                        data = inflate.decompress(raw, CHUNK)
                        raw = inflate.unconsumed_tail
                    size += len(data)
                    self._count(len(data), size)
                    if size > info.file_size:
                        raise ExtractionError(TOO_LARGE)
        self.total = 0


def _refuse_doctype(*args):
    raise ValueError("DOCTYPE and entity declarations are not allowed")


def _names(namespaces, *locals_):
    return frozenset(f"{ns} {local}" for ns in namespaces for local in locals_)


_W = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
_A = (
    "http://schemas.openxmlformats.org/drawingml/2006/main",
    "http://purl.oclc.org/ooxml/drawingml/main",
)
_P = (
    "http://schemas.openxmlformats.org/presentationml/2006/main",
    "http://purl.oclc.org/ooxml/presentationml/main",
)
_MC = ("http://schemas.openxmlformats.org/markup-compatibility/2006",)
_REL = ("http://schemas.openxmlformats.org/package/2006/relationships",)
_OFFICE = ("urn:oasis:names:tc:opendocument:xmlns:office:1.0",)
_TEXT = ("urn:oasis:names:tc:opendocument:xmlns:text:1.0",)


class _XmlText:
    """expat handler: collects character data inside ``text`` elements, emits
    separators for ``marks`` (on start) and ``breaks`` (newline on end), ignores
    ``skip`` subtrees."""

    def __init__(self, out: _Text, *, text, breaks, marks, skip):
        self.out, self.text, self.breaks, self.marks, self.skip = out, text, breaks, marks, skip
        self.inside = 0
        self.skipping = 0

    def start(self, name, attrs):
        if self.skipping or name in self.skip:
            self.skipping += 1
        elif name in self.text:
            self.inside += 1
        elif name in self.marks:
            mark = self.marks[name]
            if mark == "\n":
                self.out.newline()
            elif mark == " ":
                self.out.space()
            else:
                self.out.add(mark)

    def end(self, name):
        if self.skipping:
            self.skipping -= 1
        elif name in self.text:
            self.inside -= 1
        elif name in self.breaks:
            self.out.newline()

    def chars(self, data):
        if self.inside and not self.skipping:
            self.out.add(data)


def _natural(name: str):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _extract_docx(stream, out: _Text) -> None:
    archive = _Archive(stream)
    extra = [n for n in archive.names if re.fullmatch(r"word/(footnotes|endnotes)\.xml", n)]
    headers = [n for n in archive.names if re.fullmatch(r"word/(header|footer)\d*\.xml", n)]
    marks = dict.fromkeys(_names(_W, "tab"), " ") | dict.fromkeys(_names(_W, "br", "cr"), "\n")
    marks |= dict.fromkeys(_names(_W, "noBreakHyphen"), "-")
    for name in ["word/document.xml", *sorted(extra), *sorted(headers, key=_natural)]:
        handler = _XmlText(
            out,
            text=_names(_W, "t"),
            breaks=_names(_W, "p"),
            marks=marks,
            skip=_names(_MC, "Fallback") | _names(_W, "pPr", "moveFrom"),
        )
        archive.parse(name, handler)
        out.newline()


def _extract_pptx(stream, out: _Text) -> None:
    archive = _Archive(stream)
    for name in _slide_order(archive):
        handler = _XmlText(
            out,
            text=_names(_A, "t"),
            breaks=_names(_A, "p"),
            marks=dict.fromkeys(_names(_A, "br"), "\n"),
            skip=_names(_MC, "Fallback"),
        )
        archive.parse(name, handler)
        out.newline()


class _Collect:
    """expat handler: attributes of the elements named in ``wanted``, in order."""

    def __init__(self, wanted):
        self.wanted, self.found = wanted, []

    def start(self, name, attrs):
        if name in self.wanted:
            self.found.append(attrs)


def _slide_order(archive: _Archive) -> list[str]:
    names = set(archive.names)
    order = _Collect(_names(_P, "sldId"))
    archive.parse("ppt/presentation.xml", order)
    targets = {}
    if "ppt/_rels/presentation.xml.rels" in names:
        rels = _Collect(_names(_REL, "Relationship"))
        archive.parse("ppt/_rels/presentation.xml.rels", rels)
        targets = {r.get("Id"): r.get("Target", "") for r in rels.found}
    slides = []
    for attrs in order.found:
        rel_id = next((v for k, v in attrs.items() if k.endswith("relationships id")), None)
        target = targets.get(rel_id, "")
        path = posixpath.normpath(target.lstrip("/") if target.startswith("/") else "ppt/" + target)
        if path in names and path not in slides:
            slides.append(path)
    if not slides:  # no usable relationships: fall back to slide numbers
        pattern = re.compile(r"ppt/slides/slide\d+\.xml")
        slides = sorted((n for n in names if pattern.fullmatch(n)), key=_natural)
    return slides


def _extract_odf(stream, out: _Text) -> None:
    archive = _Archive(stream)
    handler = _XmlText(
        out,
        text=_names(_OFFICE, "body"),
        breaks=_names(_TEXT, "p", "h"),
        marks=dict.fromkeys(_names(_TEXT, "s", "tab"), " ")
        | dict.fromkeys(_names(_TEXT, "line-break"), "\n"),
        skip=_names(_TEXT, "tracked-changes"),
    )
    archive.parse("content.xml", handler)


def _extract_xlsx(stream, out: _Text) -> None:
    import openpyxl

    _Archive(stream).verify()
    stream.seek(0)
    budget = MAX_SHEET_CELLS
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(stream, read_only=True, data_only=True, keep_links=False)
        try:
            for sheet in book.worksheets:
                sheet.reset_dimensions()  # declared dimensions may pad rows to 16384 columns
                for row in sheet.iter_rows(values_only=True):
                    budget -= len(row) or 1
                    if budget < 0:
                        raise _Full
                    for value in row:
                        if value is not None:
                            out.add(_cell_text(value))
                            out.space()
                    out.newline()
        finally:
            book.close()


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date().isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


_EXTRACTORS = {
    "pdf": _extract_pdf,
    "docx": _extract_docx,
    "xlsx": _extract_xlsx,
    "pptx": _extract_pptx,
    "odt": _extract_odf,
    "ods": _extract_odf,
    "odp": _extract_odf,
    "txt": _extract_txt,
}
