"""One document per input: plain text (one block per line) or an HTML page or fragment."""
from __future__ import annotations

from .base import HTML, TEXT, RawArticle
from .encoding import BinaryError, charset_from_content_type, decode


def read_document(data: bytes, *, source: str, doc_id: str, kind: str,
                  content_type: str | None = None) -> RawArticle:
    """Decode `data` (declared charset, then strict UTF-8, then a reported guess) as `kind`."""
    declared = charset_from_content_type(content_type)
    try:
        # Plain text declares nothing inside itself; HTML may (<meta charset>).
        decoded = decode(data, declared=declared, in_document=kind == HTML)
    except BinaryError as exc:
        return RawArticle(doc_id, source, error=str(exc))
    return RawArticle(doc_id, source, decoded.text, kind=kind if kind == HTML else TEXT,
                      notes=decoded.notes, meta={"encoding": decoded.encoding})
