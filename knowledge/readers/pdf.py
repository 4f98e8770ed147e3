"""PDF files: the text layer of each page, and OCR for pages that have none (scans).

pypdfium2 (PDFium, Apache-2.0/BSD) reads the text layer and renders pages; a page with
no text to speak of is rendered at 300 dpi and read by Tesseract (``ocr.py``). Each page
stays a block of hard-wrapped lines; the layout step drops running headers, footers and
page numbers and rebuilds the paragraphs.
"""
from __future__ import annotations

from pathlib import Path

from knowledge.readers.base import Block, RawDocument, UnreadableSourceError
from knowledge.readers.ocr import OcrUnavailableError, ocr_image

MIN_TEXT_CHARS = 40   # fewer characters than this on a page: a scan, read by OCR
OCR_DPI = 300


def read_pdf(path: Path) -> RawDocument:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise UnreadableSourceError(f"{path.name}: not a readable PDF ({exc})") from exc
    blocks: list[Block] = []
    notes: list[str] = []
    scanned = 0
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            if len(text.strip()) < MIN_TEXT_CHARS:
                image = page.render(scale=OCR_DPI / 72).to_pil()
                try:
                    text = ocr_image(image)
                except OcrUnavailableError as exc:
                    raise UnreadableSourceError(f"{path.name}: page {number + 1} is a scan and {exc}") from exc
                scanned += 1
                notes.append(f"page {number + 1}: no text layer, read by OCR")
            page.close()
            lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            blocks.append(Block(lines=tuple(lines), page=number + 1))
    finally:
        pdf.close()
    fmt = "pdf-ocr" if scanned and scanned == len(blocks) else "pdf"
    return RawDocument(blocks=blocks, source_format=fmt, pages=len(blocks), notes=notes)
