"""Errors raised for input CVScope cannot read; each carries a stable `code` (see INTERFACES.md)."""

from __future__ import annotations


class DocumentError(Exception):
    """An input document or argument that cannot be read; `code` is the stable error code."""

    code: str = "corrupt"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message

    def cli_line(self) -> str:
        """The one line the CLI prints on stderr: `error: <code>: <message>`."""
        return f"error: {self.code}: {self.message}"


class NotFoundError(DocumentError):
    """The file does not exist."""

    code = "not_found"


class UnsupportedFormatError(DocumentError):
    """The file is not a PDF, DOCX or text file."""

    code = "unsupported_format"


class EncryptedError(DocumentError):
    """The document is password-protected."""

    code = "encrypted"


class NoTextLayerError(DocumentError):
    """The document is scanned or image-only: it has no text an ATS can read."""

    code = "no_text_layer"


class CorruptError(DocumentError):
    """The document is damaged or cannot be decoded."""

    code = "corrupt"


class TooLargeError(DocumentError):
    """The document exceeds a size, page or time limit."""

    code = "too_large"


class EmptyError(DocumentError):
    """The document contains no usable text."""

    code = "empty"


class InvalidArgumentError(DocumentError):
    """An argument given by the user is not valid."""

    code = "invalid_argument"


ERROR_CODES: tuple[str, ...] = (
    "not_found",
    "unsupported_format",
    "encrypted",
    "no_text_layer",
    "corrupt",
    "too_large",
    "empty",
    "invalid_argument",
)
