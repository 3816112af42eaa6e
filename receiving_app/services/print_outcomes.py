"""What became of a document or a label sent to a printer, as the window and the shell tell the clerk.

Apart from ``services.printing`` because the window shows these before anything is printed: that
module draws the labels and so loads reportlab, which the station window must not wait for.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PrintOutcome:
    number: str
    printer: str
    printed: bool
    copy: bool
    problem: str = ""
    done_words: str = "printed"
    """ "printed", or "saved to folder" where the printer makes no paper: what the clerk is told."""


@dataclass(frozen=True)
class LabelOutcome:
    """What became of one label (an RMA's parcel label, a unit's license plate) sent to a printer."""

    number: str
    """The RMA's number, or the license plate's."""
    printed: bool
    place: str
    """The folder a folder printer filed the label in, or the printer as the settings page describes it."""
    saved_to_folder: bool = False
    problem: str = ""
    kind: str = "label"
    """What the label is, as the sentence names it: "label" (for an RMA) or "license plate"."""

    @property
    def sentence(self) -> str:
        """What the clerk is told, in the window and in the shell alike."""
        named = f"label for {self.number}" if self.kind == "label" else f"{self.kind} {self.number}"
        if not self.printed:
            return f"The {named} did not print: {self.problem}"
        if self.saved_to_folder:
            return f"{named[:1].upper()}{named[1:]} saved to folder {self.place}."
        return f"{named[:1].upper()}{named[1:]} sent to {self.place}."
