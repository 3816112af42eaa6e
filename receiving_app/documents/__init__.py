"""reportlab layouts and barcodes for the documents that leave the building.

The services fill a ``DocumentContent`` (numbers already assigned) and call
``receiving_app.documents.render.render``; the same content always renders to the same bytes, so a
stored document can be produced again exactly.

Importing this package loads neither reportlab nor a layout: the services import the document model
(and the glyph check of what they accept) in every command, and only the commands that render or print
should pay for reportlab. The layouts load with ``documents.render`` and reportlab's settings are made
where every canvas is made (pdf_canvas.py).
"""

from receiving_app.documents.model import (
    RMA_LABEL,
    DocumentContent,
    DocumentError,
    Evidence,
    LineDetail,
    Party,
)

__all__ = ["RMA_LABEL", "DocumentContent", "DocumentError", "Evidence", "LineDetail", "Party"]
