"""Decoding a PDF's streams within the file's limits (ingest/limits.py): Flate, LZW and RunLength
inflated in chunks counted against the file's budget (size and ratio), never whole; a predictor's row
checked before it is built. pdf_file.py installs `decode` as pdfminer's PDFStream.decode."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import ImportRefused
from annotator.core.ingest import limits


def decode(stream, budget: limits.Inflation) -> None:
    """PDFStream.decode within the file's limits: pdfminer's filters, with Flate, LZW and RunLength
    inflated in counted chunks and image-only filters left undecoded (no text is in them). A filter
    pdfminer does not support either (/Crypt, an unknown name or predictor) raises pdfminer's own
    PDFNotImplementedError, which the reader refuses the file with, as pdfminer would."""
    from pdfminer import pdftypes
    from pdfminer.ascii85 import ascii85decode, asciihexdecode
    from pdfminer.pdfexceptions import PDFNotImplementedError
    from pdfminer.psparser import LIT

    data = stream.rawdata
    if stream.decipher:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    what = f"stream {stream.objid}" if stream.objid is not None else "a stream"
    for name, params in stream.get_filters():
        compressed = len(data)
        if name in pdftypes.LITERALS_FLATE_DECODE:
            data = _inflate(budget, data, what)
        elif name in pdftypes.LITERALS_LZW_DECODE:
            data = _counted(budget, _lzw_chunks(data), compressed, what)
        elif name in pdftypes.LITERALS_ASCII85_DECODE:
            data = ascii85decode(data)
        elif name in pdftypes.LITERALS_ASCIIHEX_DECODE:
            data = asciihexdecode(data)
        elif name in pdftypes.LITERALS_RUNLENGTH_DECODE:
            data = _counted(budget, _runlength_chunks(data), compressed, what)
        elif name in (*pdftypes.LITERALS_CCITTFAX_DECODE, *pdftypes.LITERALS_DCT_DECODE,
                      *pdftypes.LITERALS_JBIG2_DECODE, *pdftypes.LITERALS_JPX_DECODE):
            break  # an image: left as it is
        elif name == LIT("Crypt"):
            raise PDFNotImplementedError("/Crypt filter is unsupported")
        else:
            raise PDFNotImplementedError(f"Unsupported filter: {name!r}")
        if isinstance(params, dict) and "Predictor" in params:
            data = _unpredict(budget.path, params, data)
    stream.data = data
    stream.rawdata = None


def _inflate(budget: limits.Inflation, data: bytes, what: str) -> bytes:
    """Deflated data inflated within the limits; damaged data keeps what came before the damage."""
    import zlib

    chunks: list[bytes] = []
    try:
        chunks.extend(budget.inflate_chunks(data, what))
    except zlib.error:
        pass  # as pdfminer: a damaged end (a bad checksum, say) loses only what follows it
    return b"".join(chunks)


def _counted(budget: limits.Inflation, chunks, compressed: int, what: str) -> bytes:
    out = bytearray()
    for chunk in chunks:
        out += chunk
        budget.count(len(chunk), compressed, what)
        budget.check_ratio(len(out), compressed, what)
    return bytes(out)


def _lzw_chunks(data: bytes):
    from io import BytesIO

    from pdfminer.lzw import LZWDecoder

    return LZWDecoder(BytesIO(data)).run()


def _runlength_chunks(data: bytes):
    """RunLengthDecode (PDF 1.7, 7.4.5), a run at a time."""
    at = 0
    while at < len(data):
        length = data[at]
        if length == 128:
            return
        if length < 128:
            yield data[at + 1: at + 2 + length]
            at += length + 2
        else:
            yield data[at + 1: at + 2] * (257 - length)
            at += 2


def _unpredict(path: Path, params: dict, data: bytes) -> bytes:
    """Undo a PNG or TIFF predictor, once its row is known to be of a sane size."""
    from pdfminer.pdfexceptions import PDFNotImplementedError
    from pdfminer.pdftypes import int_value
    from pdfminer.utils import apply_png_predictor, apply_tiff_predictor

    predictor = int_value(params["Predictor"])
    if predictor == 1:
        return data
    colors = int_value(params.get("Colors", 1))
    columns = int_value(params.get("Columns", 1))
    bits = int_value(params.get("BitsPerComponent", 8))
    row = colors * columns * bits // 8
    if not (0 < colors <= 32 and 0 < columns and bits in (1, 2, 4, 8, 16)) or row > limits.MAX_PDF_PREDICTOR_ROW:
        raise ImportRefused(path, f"is damaged (a predictor with /Columns {columns}, /Colors {colors} and"
                                  f" /BitsPerComponent {bits})")
    if predictor == 2:
        return apply_tiff_predictor(colors, columns, bits, data)
    if predictor >= 10:
        return apply_png_predictor(predictor, colors, columns, bits, data)
    raise PDFNotImplementedError(f"Unsupported predictor: {predictor!r}")
