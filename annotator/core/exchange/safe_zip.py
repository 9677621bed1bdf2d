"""Reading an archive and its XML from elsewhere without trusting them.

A .qdpx from another tool or person is untrusted input: a member is read only up to a bound,
counted as it inflates (a zip's stated sizes can lie), the archive's total is bounded, and XML is
parsed by defusedxml, which refuses DTDs and entity declarations (no "billion laughs", no external
entities). Nothing is ever extracted to disk; members are looked up by name only.
"""

from __future__ import annotations

import zipfile
import zlib
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from annotator.core.errors import InvalidValue

MAX_XML_BYTES = 64 * 2**20  # project.qde: the selections of a large project, far from a zip bomb
MAX_TEXT_BYTES = 5 * 2**20  # one source's text, as the import's limit for one file
MAX_TOTAL_BYTES = 512 * 2**20
MAX_MEMBERS = 100_000
_CHUNK = 1 << 16


class BoundedArchive:
    """A zip file whose members are read with a bound each and in total."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.archive = archive
        self.name = name
        self.read_bytes = 0
        if len(archive.infolist()) > MAX_MEMBERS:
            raise InvalidValue(f"{name}: holds over {MAX_MEMBERS:,} files; not a project exchange file")
        self.names = {info.filename for info in archive.infolist()}

    def read(self, member: str, limit: int) -> bytes:
        """The member's bytes, refused past `limit` or past the archive's total bound."""
        if member not in self.names:
            raise InvalidValue(f"{self.name}: {member} is missing from the archive")
        parts, size = [], 0
        try:
            with self.archive.open(member) as handle:
                while chunk := handle.read(_CHUNK):
                    size += len(chunk)
                    self.read_bytes += len(chunk)
                    if size > limit or self.read_bytes > MAX_TOTAL_BYTES:
                        raise InvalidValue(f"{self.name}: {member} inflates past {min(limit, MAX_TOTAL_BYTES) // 2**20}"
                                           " MB; refused as unsafe")
                    parts.append(chunk)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, EOFError, OSError,
                RuntimeError) as error:  # RuntimeError: an encrypted member
            raise InvalidValue(f"{self.name}: {member} cannot be read ({error})") from None
        return b"".join(parts)


def parse_xml(data: bytes, name: str) -> Element:
    """XML parsed without DTDs, entities or external references; a clear error for anything else."""
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise InvalidValue(f"{name}: refused as unsafe XML ({type(error).__name__})") from None
    except ParseError as error:
        raise InvalidValue(f"{name}: not well-formed XML ({error})") from None
