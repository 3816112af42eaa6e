"""reportlab layouts and barcodes for the documents that leave the building.

The services fill a ``DocumentContent`` (numbers already assigned) and call ``render``; the same
content always renders to the same bytes, so a stored document can be produced again exactly.
"""

from receiving_app.documents.model import (
    RMA_LABEL,
    DocumentContent,
    DocumentError,
    Evidence,
    LineDetail,
    Party,
)
from receiving_app.documents.render import render

__all__ = ["RMA_LABEL", "DocumentContent", "DocumentError", "Evidence", "LineDetail", "Party", "render"]
