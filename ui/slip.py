"""Printed appointment slips through Qt's print support.

A slip is what a senior hands over at the hospital: the booking number in large type,
where and when, and the cancel rule. ``printer`` is a system printer name (CUPS), or
``pdf:FOLDER`` to write one PDF per slip (for kiosks without a printer and for tests).
Rendering a one-page text document takes a few milliseconds; the print system spools it.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from services.appointments import Booking

log = logging.getLogger("yijiantong.ui.print")


class SlipPrinter:
    def __init__(self, target: str) -> None:
        self.target = target

    def _printer(self, reference: str) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        # The job name shows in the print queue and as the PDF title, so staff can find
        # a stuck slip by its booking number.
        printer.setDocName(f"Yijiantong slip {reference}")
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A5),
                QPageLayout.Orientation.Portrait,
                QMarginsF(12, 12, 12, 12),
                QPageLayout.Unit.Millimeter,
            )
        )
        if self.target.startswith("pdf:"):
            folder = Path(self.target[4:]).expanduser()
            folder.mkdir(parents=True, exist_ok=True)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(folder / f"slip-{reference}.pdf"))
            return printer
        if self.target not in QPrinterInfo.availablePrinterNames():
            return None
        printer.setPrinterName(self.target)
        return printer

    def print_booking(
        self, booking: Booking, locale: str, summary: Callable[[Booking], str]
    ) -> tuple[bool, str]:
        """Print one slip; returns (success, a sentence for the senior)."""
        reference = booking.reference or "PENDING"
        try:
            printer = self._printer(reference)
        except OSError as exc:
            log.warning("slip folder unusable: %s", exc)
            printer = None
        if printer is None:
            return False, QCoreApplication.translate(
                "Slip", "The printer is not available. Please write down the number."
            )
        lines = "".join(f"<p>{html.escape(line)}</p>" for line in summary(booking).splitlines())
        rule = html.escape(booking.hospital.rules_note.get(locale))
        heading = html.escape(QCoreApplication.translate("Slip", "Appointment slip"))
        document = QTextDocument()
        document.setHtml(
            f"<h2>{heading}</h2>"
            f"<p style='font-size:28pt'><b>{html.escape(reference)}</b></p>"
            f"<div style='font-size:14pt'>{lines}</div>"
            f"<p style='font-size:12pt'>{rule}</p>"
        )
        document.print_(printer)
        log.info("printed a slip for booking %s", reference)
        return True, QCoreApplication.translate(
            "Slip", "Your slip is printing. Please take it from the printer."
        )
