"""Optical character recognition of scanned pages with Tesseract (Vietnamese model).

Tesseract is a system program: Debian's ``tesseract-ocr`` and ``tesseract-ocr-vie``
(`make ocr` installs them). pytesseract calls it; the page image is a PIL image.
"""
from __future__ import annotations

from functools import lru_cache

LANGUAGE = "vie"
# Page segmentation 4: one column of text of varying sizes, as official documents are.
CONFIG = "--psm 4"


class OcrUnavailableError(RuntimeError):
    """Tesseract or its Vietnamese model is not installed."""


@lru_cache(maxsize=1)
def _check() -> None:
    import pytesseract

    try:
        languages = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise OcrUnavailableError("Tesseract is not installed (run `make ocr`)") from exc
    if LANGUAGE not in languages:
        raise OcrUnavailableError("Tesseract has no Vietnamese model (install tesseract-ocr-vie: `make ocr`)")


def ocr_image(image) -> str:
    """The text of one page image, lines as Tesseract found them."""
    import pytesseract

    _check()
    return pytesseract.image_to_string(image, lang=LANGUAGE, config=CONFIG)
