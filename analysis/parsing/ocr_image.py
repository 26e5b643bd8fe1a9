"""OCR of image files (PNG, JPEG, TIFF...) given with --ocr."""

from __future__ import annotations

import io

from analysis.errors import CorruptError, NoTextLayerError, TooLargeError
from analysis.parsing.limits import Deadline, Limits
from analysis.parsing.messages import make_warning
from analysis.parsing.raw import RawText

MAX_PIXELS = 60_000_000


def read_image(data: bytes, deadline: Deadline, limits: Limits) -> RawText:
    """OCR an image file into reading-order lines (same column reader as PDFs)."""
    from PIL import Image, UnidentifiedImageError

    from analysis.parsing.ocr import ocr_image, tesseract_available
    from analysis.parsing.pdf_reader import assemble_pages, layout_page

    if not tesseract_available():
        raise NoTextLayerError("this is an image and OCR is not available (install Tesseract)")
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_PIXELS:
            raise TooLargeError("the image is too large to read")
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise CorruptError(f"the image cannot be decoded ({exc})") from None
    deadline.extend(limits.ocr_timeout_s)
    dpi = image.info.get("dpi", (300, 300))[0] or 300
    scale = float(dpi) / 72
    height = image.height / scale
    glyphs = ocr_image(image.convert("L"), height, scale, deadline)
    raw = assemble_pages([layout_page(glyphs, height, images=0, share=0.0)])
    raw.format = "image"
    raw.warnings.insert(0, make_warning("ocr", "image file"))
    return raw
