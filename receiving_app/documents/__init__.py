"""reportlab layouts and barcodes for the documents that leave the building.

The services fill a ``DocumentContent`` (numbers already assigned) and call ``render``; the same
content always renders to the same bytes, so a stored document can be produced again exactly.
"""

from reportlab import rl_config

from receiving_app.documents.model import (
    RMA_LABEL,
    DocumentContent,
    DocumentError,
    Evidence,
    LineDetail,
    Party,
)
from receiving_app.documents.render import render

# Page streams written as binary rather than ASCII85 text (reportlab's default, for 7-bit mail):
# a fifth smaller, quicker to write, and read by every PDF reader. Set here, where any import of
# a document module passes first, because every PDF the station makes is made in this package;
# for the whole process, as rl_config is.
rl_config.useA85 = 0

__all__ = ["RMA_LABEL", "DocumentContent", "DocumentError", "Evidence", "LineDetail", "Party", "render"]
