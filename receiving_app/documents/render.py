"""One entry point for the services: the right layout for the content's document type, on its paper."""

from __future__ import annotations

from typing import Literal

from receiving_app.documents.credit_memo import render_credit_memo
from receiving_app.documents.denial_notice import render_denial_notice
from receiving_app.documents.model import RMA_LABEL, DocumentContent
from receiving_app.documents.replacement_slip import render_replacement_slip
from receiving_app.documents.restocking_receipt import render_restocking_receipt
from receiving_app.documents.rma_label import render_rma_label
from receiving_app.domain.decision import DocumentType
from receiving_app.domain.media import LABEL_4X6, ROLL_80MM, SHEET_MEDIA, Medium

ReceiptLayout = Literal["roll", "page"]


def kept_medium(content: DocumentContent, receipt_layout: ReceiptLayout = "roll") -> Medium:
    """The paper a document is stored on: an RMA label on a 4 x 6 in label, a restocking-fee receipt on an
    80 mm roll unless the station mails it on pages, everything else on the station's Letter or A4."""
    if content.document_type == RMA_LABEL:
        return LABEL_4X6
    if content.document_type == DocumentType.RESTOCKING_FEE_RECEIPT and receipt_layout == "roll":
        return ROLL_80MM
    return SHEET_MEDIA[content.page_size]


def render(content: DocumentContent, medium: Medium | None = None, *, receipt_layout: ReceiptLayout = "roll") -> bytes:
    """The PDF for ``content`` on ``medium``, or on the paper it is stored on (``kept_medium``)."""
    paper = medium or kept_medium(content, receipt_layout)
    if content.document_type == RMA_LABEL:
        return render_rma_label(content, paper)
    match content.document_type:
        case DocumentType.CREDIT_MEMO:
            return render_credit_memo(content, paper)
        case DocumentType.RESTOCKING_FEE_RECEIPT:
            return render_restocking_receipt(content, paper)
        case DocumentType.DENIAL_NOTICE:
            return render_denial_notice(content, paper)
        case DocumentType.REPLACEMENT_SLIP:
            return render_replacement_slip(content, paper)
    raise ValueError(f"no layout for document type {content.document_type!r}")
