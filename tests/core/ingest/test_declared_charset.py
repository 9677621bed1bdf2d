"""A charset a page declares (XML declaration, <meta charset>, http-equiv) is honoured when the bytes fit it."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.ingest.formats import parse_file
from annotator.core.ingest.textfile import declared_charset, decode

SPANISH = ("Señor López dijo que la reunión había terminado. El niño está aquí, en Málaga, según el portavoz"
           " de la alcaldía.")
RUSSIAN = "Министр заявил, что переговоры продолжатся на следующей неделе в Москве."
JAPANESE = "裁判所は被告に懲役三年の判決を言い渡した。記者会見で大臣が述べた。"


def page(declaration: str, text: str) -> str:
    return (f'<!DOCTYPE html>\n<html><head>{declaration}<title>Noticia</title></head>\n'
            f"<body><article><p>{text}</p></article></body></html>\n")


META = '<meta charset="{}">'
HTTP_EQUIV = '<meta http-equiv="Content-Type" content="text/html; charset={}">'


@pytest.mark.parametrize("declaration", [META, HTTP_EQUIV, "<META CHARSET={}>"])
def test_a_short_latin1_page_that_declares_its_charset_is_read(tmp_path: Path, declaration: str) -> None:
    data = page(declaration.format("iso-8859-1"), SPANISH).encode("latin-1")
    assert len(data) < 306  # as short as the page that was refused as unrecognisable
    decoded = decode(Path("x.html"), data)
    assert SPANISH in decoded.text and decoded.encoding == "Windows-1252" and not decoded.warnings()
    path = tmp_path / "noticia.html"
    path.write_bytes(data)
    assert parse_file(path).body.startswith("Señor López dijo")


def test_an_xml_declaration_names_the_encoding() -> None:
    text = "El precio subió a 20 € según Šimon, el portavoz de la empresa, este martes en Bilbao."
    data = (f'<?xml version="1.0" encoding="ISO-8859-15"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            f"<body><p>{text}</p></body></html>").encode("iso-8859-15")
    decoded = decode(Path("x.xhtml"), data)
    assert text in decoded.text and not decoded.guessed  # 0xA4 is €, not ¤ as Windows-1252 would read it


@pytest.mark.parametrize(("text", "charset", "encoding"), [
    (RUSSIAN, "windows-1251", "cp1251"),
    (RUSSIAN, "koi8-r", "koi8-r"),
    (JAPANESE, "shift_jis", "shift_jis"),  # read as Korean (CP949) when guessed
    (JAPANESE, "euc-jp", "euc-jp"),
    ("정부는 다음 주 서울에서 협상을 재개한다고 발표했다.", "euc-kr", "euc-kr"),
], ids=["windows-1251", "koi8-r", "shift_jis", "euc-jp", "euc-kr"])
def test_a_declared_charset_wins_over_guessing(text: str, charset: str, encoding: str) -> None:
    decoded = decode(Path("x.html"), page(META.format(charset), text).encode(encoding))
    assert text in decoded.text and not decoded.guessed


@pytest.mark.parametrize("charset", ["no-such-charset", "utf-16", "utf-7", "base64", "rot13", "x-user-defined"])
def test_an_unknown_or_impossible_charset_falls_back_to_guessing(charset: str) -> None:
    text = (SPANISH + " ") * 6
    declared = f'<?xml version="1.0" encoding="{charset}"?>\n' + text
    plain = " " * (len(declared) - len(text)) + text
    assert decode(Path("x.xml"), declared.encode("latin-1")).encoding == \
        decode(Path("x.xml"), plain.encode("latin-1")).encoding == "Windows-1252"


def test_a_declaration_the_bytes_do_not_fit_is_not_honoured() -> None:
    data = page(META.format("utf-8"), (SPANISH + " ") * 8).encode("latin-1")
    decoded = decode(Path("x.html"), data)
    assert SPANISH in decoded.text and decoded.replaced == 0


def test_a_utf8_page_mislabelled_as_latin1_stays_utf8() -> None:
    decoded = decode(Path("x.html"), page(META.format("iso-8859-1"), SPANISH).encode("utf-8"))
    assert SPANISH in decoded.text and decoded.encoding == "UTF-8"


@pytest.mark.parametrize(("head", "expected"), [
    (b'<?xml version="1.0" encoding="iso-8859-1"?>', "cp1252"),
    (b'<meta charset=Shift_JIS>', "cp932"),
    (b'<meta charset="EUC-KR">', "cp949"),
    (b'<meta charset="gb2312">', "gb18030"),
    (b'<meta charset="us-ascii">', "cp1252"),
    (b"<p>charset=latin1 in the text is no declaration</p>", None),
    (b" " * 1100 + b'<meta charset="koi8-r">', None),  # past the first 1,024 bytes a browser reads
])
def test_declared_charset_is_read_as_browsers_read_it(head: bytes, expected: str | None) -> None:
    assert declared_charset(head + b"\n<p>text</p>") == expected
