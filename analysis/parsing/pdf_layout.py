"""From positioned glyphs to lines, words and reading order (column and gutter detection).

Lines are grouped by baseline (not by box top, which italic and bold fonts move); a space is
put wherever the gap between two glyphs exceeds 0.15 x the font size. Reading order per page: a
*gutter* is the widest vertical band (>= 5 pt) that almost no line crosses (<= max(1, 8 %) of
lines) with enough text on both sides (>= 3 lines and >= 10 % of characters each). A narrow side
(< 25 % of the text width) whose lines mostly continue on the other side is a label/date column
and is not split off. Lines crossing the gutter (full-width titles) stay in place; each column is
searched again, at most twice. When the whole page has no gutter, its lower and upper two
thirds are tried (a full-width header and summary above two columns).
"""

from __future__ import annotations

from math import isfinite
from typing import NamedTuple

from analysis.parsing.pdf_chars import Glyph

LINE_TOLERANCE = 2.5  # points between baselines of the same line
SPACE_RATIO = 0.15  # gap / font size above which a space is inferred
LOOSE_TO_FONT = 1.17  # loose box height / font size, for common fonts
MIN_GUTTER = 5.0
MAX_DEPTH = 2
# Coverage is counted per point of width; a hostile file can put one glyph hundreds of
# millions of points away, so wider text is binned coarser rather than per point.
MAX_BINS = 4096


class Word(NamedTuple):
    """A run of glyphs without an inferred space inside."""

    x0: float
    x1: float
    text: str


class Line(NamedTuple):
    """Words sharing a baseline, left to right."""

    y: float
    size: float
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        """The line's words joined by single spaces."""
        return " ".join(w.text for w in self.words)


def build_lines(glyphs: list[Glyph]) -> tuple[list[Line], int]:
    """Group glyphs into lines by baseline, top to bottom, and words by inferred spaces;
    also return how many over-printed glyph copies were dropped."""
    if not glyphs:
        return [], 0
    ordered = sorted(glyphs, key=lambda g: -g.y)
    lines: list[Line] = []
    start, dropped = 0, 0
    anchor = ordered[0].y
    for i in range(1, len(ordered) + 1):
        if i == len(ordered) or anchor - ordered[i].y > LINE_TOLERANCE:
            kept = _drop_overprint(sorted(ordered[start:i], key=lambda g: g.x0))
            dropped += i - start - len(kept)
            lines.append(_make_line(kept))
            if i < len(ordered):
                start, anchor = i, ordered[i].y
    return lines, dropped


def _drop_overprint(glyphs: list[Glyph]) -> list[Glyph]:
    """Drop copies of a glyph drawn again at (almost) the same place (LaTeX bold effects,
    duplicated text layers). Copies are neighbours once a line is sorted by x: O(n)."""
    kept: list[Glyph] = []
    for g in glyphs:
        tol = min(2.0, 0.5 * (g.x1 - g.x0))
        for other in kept[-4:]:
            if other.text == g.text and abs(other.x0 - g.x0) < tol and abs(other.y - g.y) < 1.0:
                break
        else:
            kept.append(g)
    return kept


def _make_line(glyphs: list[Glyph]) -> Line:
    words: list[Word] = []
    parts = [glyphs[0].text]
    x0, x1 = glyphs[0].x0, glyphs[0].x1
    size = max(g.size for g in glyphs)
    for g in glyphs[1:]:
        threshold = SPACE_RATIO * min(g.size, size) / LOOSE_TO_FONT
        if g.x0 - x1 > threshold:
            words.append(Word(x0, x1, "".join(parts)))
            parts, x0 = [g.text], g.x0
        else:
            parts.append(g.text)
        x1 = max(x1, g.x1)
    words.append(Word(x0, x1, "".join(parts)))
    baseline = sum(g.y for g in glyphs) / len(glyphs)
    return Line(baseline, size / LOOSE_TO_FONT, tuple(words))


def find_gutter(lines: list[Line]) -> float | None:
    """The x of the best column gutter among `lines`, or None for a single column."""
    words = [w for line in lines for w in line.words if isfinite(w.x0) and isfinite(w.x1)]
    if len(lines) < 6 or not words:
        return None
    xmin = min(w.x0 for w in words)
    xmax = max(w.x1 for w in words)
    width = xmax - xmin
    if width < 60:
        return None
    scale = max(1.0, width / MAX_BINS)  # points per bin
    min_run = MIN_GUTTER / scale
    nbins = int(width / scale) + 2
    diff = [0] * (nbins + 1)
    for w in words:
        diff[int((w.x0 - xmin) / scale)] += 1
        diff[int((w.x1 - xmin) / scale) + 1] -= 1
    threshold = max(1, int(0.08 * len(lines)))
    runs: list[tuple[int, int]] = []
    level, run_start = 0, -1
    coverage: list[int] = []
    for b in range(nbins):
        level += diff[b]
        coverage.append(level)
        if level <= threshold:
            if run_start < 0:
                run_start = b
        elif run_start >= 0:
            if b - run_start >= min_run and run_start > 0:
                runs.append((run_start, b))
            run_start = -1
    total_chars = sum(len(w.text) for w in words)
    for a, b in sorted(runs, key=lambda r: r[0] - r[1]):
        mid = xmin + _clearest_x(coverage, a, b, min_run) * scale
        if _valid_split(lines, mid, xmin, xmax, total_chars):
            return mid
    return None


def _clearest_x(coverage: list[int], a: int, b: int, min_run: float) -> float:
    """Centre of the longest stretch (>= min_run bins) of least coverage inside the band [a, b):
    the few lines allowed to enter a gutter band must not decide where the columns are cut,
    and neither must the gaps between the words of a line that crosses the band."""
    for level in range(min(coverage[a:b]), max(coverage[a:b]) + 1):
        best_start, best_len, start = a, 0, -1
        for x in range(a, b + 1):
            if x < b and coverage[x] <= level:
                if start < 0:
                    start = x
            elif start >= 0:
                if x - start > best_len:
                    best_start, best_len = start, x - start
                start = -1
        if best_len >= min_run:
            return best_start + best_len / 2
    return (a + b) / 2


def _valid_split(lines: list[Line], mid: float, xmin: float, xmax: float, total: int) -> bool:
    left_lines = right_lines = both = left_chars = right_chars = 0
    left_end, right_start = xmin, xmax
    for line in lines:
        has_left = has_right = False
        for w in line.words:
            if w.x1 <= mid:
                has_left, left_chars = True, left_chars + len(w.text)
                left_end = max(left_end, w.x1)
            elif w.x0 >= mid:
                has_right, right_chars = True, right_chars + len(w.text)
                right_start = min(right_start, w.x0)
        left_lines += has_left
        right_lines += has_right
        both += has_left and has_right
    if min(left_lines, right_lines) < 3 or min(left_chars, right_chars) < 0.1 * total:
        return False
    width = xmax - xmin
    for side_width, side_lines in (
        (left_end - xmin, left_lines),
        (xmax - right_start, right_lines),
    ):
        if side_width < 0.25 * width and both > 0.5 * side_lines:
            return False  # a label/date column: each label belongs with its line
    return True


def _page_gutter(lines: list[Line]) -> float | None:
    """A gutter for the whole region, else for its lower or upper two thirds: a full-width
    header and summary above two columns cross any gutter on more than 8 % of the lines."""
    gutter = find_gutter(lines)
    if gutter is None and len(lines) >= 18:
        third = len(lines) // 3
        gutter = find_gutter(lines[third:]) or find_gutter(lines[: len(lines) - third])
    return gutter


def _crosses(line: Line, x: float) -> bool:
    """Whether the line runs across `x`: through a word, or through a normal word space (a
    full-width title whose words happen to leave a gap at the gutter)."""
    words = line.words
    for i, w in enumerate(words):
        if w.x0 < x < w.x1:
            return True
        if i and words[i - 1].x1 <= x <= w.x0 and w.x0 - words[i - 1].x1 < 1.2 * line.size:
            return True
    return False


def reading_order(lines: list[Line], depth: int = 0) -> tuple[list[list[Line]], bool]:
    """Lines in reading order as blocks (columns / full-width runs); and whether it split."""
    gutter = _page_gutter(lines) if depth < MAX_DEPTH else None
    if gutter is None:
        return ([lines] if lines else []), False
    blocks: list[list[Line]] = []
    left: list[Line] = []
    right: list[Line] = []

    def flush() -> None:
        for side in (left, right):
            sub_blocks, _ = reading_order(list(side), depth + 1)
            blocks.extend(sub_blocks)
        left.clear()
        right.clear()

    for line in lines:
        if _crosses(line, gutter):
            flush()
            blocks.append([line])
            continue
        lw = tuple(w for w in line.words if w.x1 <= gutter)
        rw = tuple(w for w in line.words if w.x0 >= gutter)
        if lw:
            left.append(Line(line.y, line.size, lw))
        if rw:
            right.append(Line(line.y, line.size, rw))
    flush()
    return _merge_single_lines(blocks), True


def _merge_single_lines(blocks: list[list[Line]]) -> list[list[Line]]:
    """Consecutive one-line full-width blocks belong together."""
    merged: list[list[Line]] = []
    for block in blocks:
        if merged and len(block) == 1 and len(merged[-1]) == 1:
            merged[-1] = merged[-1] + block
        else:
            merged.append(block)
    return merged


def block_text(block: list[Line]) -> list[str]:
    """Text lines of a block, with an empty line where the vertical gap is a paragraph break."""
    out: list[str] = []
    prev: Line | None = None
    for line in block:
        if prev is not None and prev.y - line.y > 2.2 * max(prev.size, line.size):
            out.append("")
        out.append(line.text)
        prev = line
    return out


def looks_like_table(lines: list[Line]) -> bool:
    """Three or more lines cut into three or more cells by wide gaps, cells starting at the
    same x positions: a grid that ATS often read cell by cell or skip."""
    starts: dict[int, int] = {}
    rows = 0
    for line in lines:
        cells = [line.words[0].x0]
        for prev, word in zip(line.words, line.words[1:], strict=False):
            if word.x0 - prev.x1 > 1.5 * line.size:
                cells.append(word.x0)
        if len(cells) >= 3:
            rows += 1
            for x in {round(x / 3) for x in cells}:
                starts[x] = starts.get(x, 0) + 1
    if rows < 3:
        return False
    return sum(1 for count in starts.values() if count >= 3) >= 3
