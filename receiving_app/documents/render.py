"""One entry point for the services: the right layout for the content's document type."""

from __future__ import annotations

from receiving_app.documents.barcodes import DEFAULT_PRINTER_DPI
from receiving_app.documents.credit_memo import render_credit_memo
from receiving_app.documents.denial_notice import render_denial_notice
from receiving_app.documents.model import RMA_LABEL, DocumentContent
from receiving_app.documents.replacement_slip import render_replacement_slip
from receiving_app.documents.restocking_receipt import ReceiptLayout, render_restocking_receipt
from receiving_app.documents.rma_label import render_rma_label
from receiving_app.domain.decision import DocumentType


def render(
    content: DocumentContent, *, printer_dpi: int = DEFAULT_PRINTER_DPI, receipt_layout: ReceiptLayout = "roll"
) -> bytes:
    """The PDF for ``content``; ``receipt_layout`` only matters for a restocking-fee receipt."""
    if content.document_type == RMA_LABEL:
        return render_rma_label(content, printer_dpi=printer_dpi)
    match content.document_type:
        case DocumentType.CREDIT_MEMO:
            return render_credit_memo(content, printer_dpi=printer_dpi)
        case DocumentType.RESTOCKING_FEE_RECEIPT:
            return render_restocking_receipt(content, layout=receipt_layout, printer_dpi=printer_dpi)
        case DocumentType.DENIAL_NOTICE:
            return render_denial_notice(content, printer_dpi=printer_dpi)
        case DocumentType.REPLACEMENT_SLIP:
            return render_replacement_slip(content, printer_dpi=printer_dpi)
    raise ValueError(f"no layout for document type {content.document_type!r}")
