"""Copies of attachments without their metadata: images re-drawn from their pixels (no EXIF, GPS, camera, ICC or
text chunks), PDFs rebuilt from their pages (no document information or XMP).

Image and document parsers have a long history of exploitable bugs, so the parsing never runs in the web process:
the worker runs `python -m garda.whistle.sanitize KIND` as a child process with limits on memory, CPU time, open
files and file size, hands it the plaintext on standard input and reads the copy from standard output.
"""

from __future__ import annotations

import io
import resource
import subprocess
import sys

KINDS = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/webp": "WEBP",
    "application/pdf": "PDF",
}
MEMORY_BYTES = 1024 * 1024 * 1024
CPU_SECONDS = 30
MAX_PIXELS = 60_000_000  # a 60-megapixel image; anything larger is taken for a decompression bomb


class SanitizeError(Exception):
    pass


def sniff(data: bytes) -> str | None:
    """The type from the file's first bytes, whatever its name or the browser claimed; None when not accepted."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "application/pdf"
    return None


def _image(data: bytes, fmt: str) -> bytes:
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    with Image.open(io.BytesIO(data)) as source:
        upright = ImageOps.exif_transpose(source)  # keep what the picture shows the right way up
        mode = upright.mode if upright.mode in ("RGB", "RGBA", "L", "LA") else "RGBA"
        pixels = upright.convert(mode)
        # A new image from the pixels alone: nothing of the original's info travels with it.
        clean = Image.frombytes(mode, pixels.size, pixels.tobytes())
    if fmt == "JPEG" and clean.mode not in ("RGB", "L"):
        clean = clean.convert("RGB")
    out = io.BytesIO()
    clean.save(out, fmt, **({"quality": 90} if fmt in ("JPEG", "WEBP") else {}))
    return out.getvalue()


def _pdf(data: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise SanitizeError("PDF terenkripsi tidak dapat dibersihkan")
    writer = PdfWriter()
    for page in reader.pages:
        # Only what draws the page stays: no metadata, and no active content — page actions (/AA: JavaScript on
        # opening the page), annotations (links with actions, form widgets, file attachments), thumbnails. Taken
        # off before the page is copied, so the objects they point to are not copied either.
        for key in ("/Metadata", "/PieceInfo", "/AA", "/Annots", "/Thumb", "/B"):
            if NameObject(key) in page:
                del page[NameObject(key)]
        writer.add_page(page)
    # The document's own catalog (its open action, JavaScript and embedded-file names, forms) is not copied: the
    # writer's is new; say so explicitly in case a later pypdf copies more.
    for key in ("/OpenAction", "/AA", "/Names", "/AcroForm", "/Outlines"):
        if NameObject(key) in writer._root_object:
            del writer._root_object[NameObject(key)]
    writer.metadata = None
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def clean_bytes(data: bytes, content_type: str) -> bytes:
    """In this process: only for the child below, and for tests."""
    fmt = KINDS.get(content_type)
    if fmt is None:
        raise SanitizeError(f"jenis berkas tidak didukung: {content_type}")
    return _pdf(data) if fmt == "PDF" else _image(data, fmt)


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # writes no file; standard output is a pipe
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash leaves no core dump with the plaintext


def clean_isolated(data: bytes, content_type: str, *, timeout: float = 60) -> bytes:
    """Run the cleaning in a child process under resource limits; its failure is this attachment's alone."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "garda.whistle.sanitize", content_type],
            input=data,
            capture_output=True,
            preexec_fn=_limit,
            timeout=timeout,
            check=False,
            env={"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"},
        )
    except subprocess.TimeoutExpired as exc:
        raise SanitizeError("waktu pembersihan habis") from exc
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SanitizeError((reason[-1] if reason else f"kode keluar {done.returncode}")[:250])
    return done.stdout


def main() -> None:
    content_type = sys.argv[1]
    data = sys.stdin.buffer.read()
    try:
        out = clean_bytes(data, content_type)
    except Exception as exc:  # any parser failure: named on standard error, exit 1
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(1)
    sys.stdout.buffer.write(out)


if __name__ == "__main__":
    main()
