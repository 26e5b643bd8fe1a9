"""English skill-span tagger: a linear BIO token classifier trained on SkillSpan train.json.

Features are hashed strings (word, lemma, shape, neighbours, and the taxonomy match around the
token); decoding is Viterbi over B/I/O with O->I forbidden. Learned parameters are stored as
plain arrays (`models/skilltagger-v1/weights.npz`), not a pickle, so they load across versions.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from zlib import crc32

import numpy as np

from analysis.extraction.normalize import fold
from analysis.taxonomy import models_dir

VERSION = "skilltagger-v1"
N_FEATURES = 2**18
TAGS = ("B", "I", "O")

TokenInfo = tuple[str, str, int, int]  # text, lemma key, start, end
Candidate = tuple[int, int, str, str, str]  # start, end, skill id, flags, key


def shape(text: str) -> str:
    """Coarse word shape: Xx, x, X, d, or mixed/other."""
    if text.isdigit():
        return "d"
    if text.isupper():
        return "X"
    if text.istitle():
        return "Xx"
    if text.islower():
        return "x"
    if any(c.isalpha() for c in text):
        return "mix"
    return "p"


def dict_tags(
    tokens: Sequence[TokenInfo], cands: Sequence[Candidate], kinds: dict[str, str]
) -> list[str]:
    """Per-token taxonomy tag: B-<kind>/I-<kind> inside an accepted dictionary match, else O."""
    tags = ["O"] * len(tokens)
    j = 0
    for start, end, sid, _, _ in cands:
        kind = kinds.get(sid, "hard")
        first = True
        while j < len(tokens) and tokens[j][3] <= start:
            j += 1
        k = j
        while k < len(tokens) and tokens[k][2] < end:
            tags[k] = ("B-" if first else "I-") + kind
            first = False
            k += 1
    return tags


def features(tokens: Sequence[TokenInfo], dtags: Sequence[str]) -> list[list[str]]:
    """Hashed-feature strings for each token."""
    n = len(tokens)
    words = ["<s>", "<s>"] + [fold(t[0]) for t in tokens] + ["</s>", "</s>"]
    lemmas = ["<s>", "<s>"] + [t[1] for t in tokens] + ["</s>", "</s>"]
    dt = ["O", "O"] + list(dtags) + ["O", "O"]
    out = []
    for i in range(n):
        p = i + 2
        text = tokens[i][0]
        w = words[p]
        out.append(
            [
                "b",
                "w=" + w,
                "l=" + lemmas[p],
                "s3=" + w[-3:],
                "p3=" + w[:3],
                "sh=" + shape(text),
                "w-1=" + words[p - 1],
                "w+1=" + words[p + 1],
                "l-1=" + lemmas[p - 1],
                "l+1=" + lemmas[p + 1],
                "w-2=" + words[p - 2],
                "w+2=" + words[p + 2],
                "lb=" + lemmas[p - 1] + "|" + lemmas[p],
                "la=" + lemmas[p] + "|" + lemmas[p + 1],
                "d=" + dt[p],
                "d-1=" + dt[p - 1],
                "d+1=" + dt[p + 1],
                "dd=" + dt[p - 1] + "|" + dt[p] + "|" + dt[p + 1],
                "dw=" + dt[p] + "|" + w,
            ]
        )
    return out


def viterbi(logp: np.ndarray) -> list[str]:
    """Best B/I/O sequence with O->I and start->I forbidden (logp: n x 3, order B, I, O)."""
    rows = logp.tolist()
    if not rows:
        return []
    neg = -1e9
    b, i, o = rows[0]
    score = [b, neg, o]
    back: list[tuple[int, int, int]] = []
    for lb, li, lo in rows[1:]:
        sb, si, so = score
        # to B or O: from any state; to I: from B or I only
        best_any = 0 if sb >= si and sb >= so else (1 if si >= so else 2)
        best_bi = 0 if sb >= si else 1
        top = score[best_any]
        back.append((best_any, best_bi, best_any))
        score = [top + lb, score[best_bi] + li, top + lo]
    state = max(range(3), key=score.__getitem__)
    path = [state]
    for ptr in reversed(back):
        state = ptr[state]
        path.append(state)
    return [TAGS[t] for t in reversed(path)]


def hash_features(feats: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Flat hashed feature indices (CRC-32, stable everywhere) and per-token offsets."""
    idx = [crc32(f.encode("utf-8")) & (N_FEATURES - 1) for row in feats for f in row]
    lengths = [len(row) for row in feats]
    offsets = np.zeros(len(feats), dtype=np.int64)
    if lengths:
        offsets[1:] = np.cumsum(lengths)[:-1]
    return np.asarray(idx, dtype=np.int64), offsets


class SkillTagger:
    """Loaded tagger weights with a `spans` method."""

    def __init__(self, coef: np.ndarray, intercept: np.ndarray) -> None:
        self.coef = coef.astype(np.float32)  # (N_FEATURES, 3), columns in TAGS order
        self.intercept = intercept.astype(np.float32)

    def log_probs(self, feats: list[list[str]]) -> np.ndarray:
        """Log-probabilities of B/I/O per token."""
        idx, offsets = hash_features(feats)
        z = np.add.reduceat(self.coef[idx], offsets, axis=0) + self.intercept
        z -= z.max(axis=1, keepdims=True)
        return z - np.log(np.exp(z).sum(axis=1, keepdims=True))

    def spans(self, tokens: Sequence[TokenInfo], dtags: Sequence[str]) -> list[tuple[int, int]]:
        """Character spans of predicted skill phrases."""
        if not tokens:
            return []
        tags = viterbi(self.log_probs(features(tokens, dtags)))
        out: list[tuple[int, int]] = []
        cur: list[int] | None = None
        for tok, tag in zip(tokens, tags, strict=True):
            if tag == "B" or (tag == "I" and cur is None):
                if cur is not None:
                    out.append((cur[0], cur[1]))
                cur = [tok[2], tok[3]]
            elif tag == "I" and cur is not None:
                cur[1] = tok[3]
            else:
                if cur is not None:
                    out.append((cur[0], cur[1]))
                cur = None
        if cur is not None:
            out.append((cur[0], cur[1]))
        return out


_SOFT_HINTS = frozenset(
    "communicate communication team teamwork motivate motivated motivation passionate passion "
    "enthusiastic enthusiasm attitude interpersonal independent independently proactive "
    "flexible creative creativity reliable responsible driven ambitious collaborate "
    "collaborative collaboration leadership structured analytical curious curiosity "
    "self-motivated positive empathy organise organised organized initiative eager "
    "willingness open-minded dedicated commitment committed customer-oriented".split()
)


def term_id(tokens: Sequence[TokenInfo], start: int, end: int) -> tuple[str, str]:
    """A stable id and kind for a tagged phrase that no taxonomy label covers."""
    lemmas = [
        t[1] for t in tokens if t[2] >= start and t[3] <= end and any(c.isalnum() for c in t[1])
    ]
    slug = "-".join(lemmas)[:80] or "unknown"
    kind = "soft" if any(lemma in _SOFT_HINTS for lemma in lemmas) else "hard"
    return f"cvscope:term/{kind}/{slug}", kind


def trim(
    tokens: Sequence[TokenInfo], start: int, end: int, function_words: frozenset[str]
) -> tuple[int, int] | None:
    """The span without leading/trailing function words and punctuation; None if nothing left."""
    inside = [t for t in tokens if t[2] >= start and t[3] <= end]
    keep = [
        t for t in inside if any(c.isalnum() for c in t[0]) and fold(t[0]) not in function_words
    ]
    if not keep:
        return None
    first, last = inside.index(keep[0]), inside.index(keep[-1])
    # a hyphenated word stays whole: "Hands-on" is not trimmed to "Hands" for its "on"
    while last + 2 < len(inside) and _hyphen_joins(*inside[last:last + 3]):
        last += 2
    while first >= 2 and _hyphen_joins(*inside[first - 2:first + 1]):
        first -= 2
    return inside[first][2], inside[last][3]


def _hyphen_joins(left: TokenInfo, hyphen: TokenInfo, right: TokenInfo) -> bool:
    """Whether three tokens spell one hyphenated word: "hands", "-", "on" with no spaces."""
    return (hyphen[0] == "-" and left[3] == hyphen[2] and hyphen[3] == right[2]
            and left[0][-1:].isalnum() and right[0][:1].isalnum())


def _lone_verb(tokens: Sequence[TokenInfo], start: int, end: int) -> bool:
    """A phrase made only of action verbs: a past participle or bare verb ("Maintained", "Led")
    or verbs joined by "and" ("Manage and grow")."""
    inside = [t for t in tokens if t[2] >= start and t[3] <= end]
    if len(inside) == 1 and fold(inside[0][0]).endswith("ed"):
        return True
    content = [t for t in inside if any(c.isalnum() for c in t[0]) and fold(t[0]) not in _JOINS]
    return bool(content) and all(t[1] in _LONE_VERBS for t in content)


_JOINS = frozenset(("and", "or", "&"))


_LONE_VERBS = frozenset(
    "lead build maintain manage develop design create drive own run follow help ensure support "
    "work use make take keep grow close book achieve handle deliver".split()
)


def combine(
    tokens: Sequence[TokenInfo],
    cands: Sequence[Candidate],
    spans: Sequence[tuple[int, int]],
    keep_always: set[str],
    function_words: frozenset[str] = frozenset(),
    listed: frozenset[tuple[int, int]] = frozenset(),
) -> list[tuple[int, int, str, str]]:
    """Merge dictionary matches and tagged spans: (start, end, skill id, source).

    A match is widened to the tagged phrase around it when that phrase holds no other match;
    a match the tagger does not support is dropped unless it comes from a curated label (flag
    "k"), its skill is in `keep_always` (O*NET tools, curated skills) or it is a whole item of
    an enumeration (`listed`: skill lists, bullets; the tagger was trained on sentences); a
    tagged phrase with no match becomes a `cvscope:term/` id.
    """

    out: list[tuple[int, int, str, str]] = []
    dspans = [(c[0], c[1]) for c in cands]
    tagged, matched, inside = _overlaps(spans), _overlaps(dspans), _inside(tokens)
    for cand, d in zip(cands, dspans, strict=True):
        around = tagged(d)
        if not around and "k" not in cand[3] and cand[2] not in keep_always and d not in listed:
            continue
        start, end = d
        if len(around) == 1 and len(matched(around[0])) == 1:
            lo, hi = min(start, around[0][0]), max(end, around[0][1])
            wide = trim(inside(lo, hi), lo, hi, function_words)
            if wide is not None:
                start, end = min(start, wide[0]), max(end, wide[1])
        out.append((start, end, cand[2], "taxonomy"))
    for s in spans:
        if not matched(s):
            span = trim(inside(*s), s[0], s[1], function_words)
            if span is None or _lone_verb(inside(*span), *span):
                continue
            sid, _ = term_id(inside(*span), *span)
            if not sid.endswith("/unknown"):
                out.append((span[0], span[1], sid, "model"))
    out.sort()
    return out


Interval = tuple[int, int]


def _ordered(intervals: Sequence[Interval]) -> bool:
    return all(a[0] <= a[1] <= b[0] for a, b in zip(intervals, intervals[1:], strict=False))


def _overlaps(intervals: Sequence[Interval]) -> Callable[[Interval], list[Interval]]:
    """`query(a)`: the intervals overlapping `a`, in order (bisection when sorted and
    disjoint, as tagged spans and accepted matches are; a scan otherwise)."""
    items = list(intervals)
    if not _ordered(items):
        return lambda a: [s for s in items if s[0] < a[1] and s[1] > a[0]]
    ends = [e for _, e in items]

    def query(a: Interval) -> list[Interval]:
        out = []
        i = bisect_right(ends, a[0])
        while i < len(items) and items[i][0] < a[1]:
            out.append(items[i])
            i += 1
        return out

    return query


def _inside(tokens: Sequence[TokenInfo]) -> Callable[[int, int], Sequence[TokenInfo]]:
    """`inside(start, end)`: a slice of `tokens` holding every token within [start, end]."""
    if not _ordered([(t[2], t[3]) for t in tokens]):
        return lambda start, end: tokens
    starts = [t[2] for t in tokens]

    def inside(start: int, end: int) -> Sequence[TokenInfo]:
        i = j = bisect_left(starts, start)
        while j < len(tokens) and tokens[j][3] <= end:
            j += 1
        return tokens[i:j]

    return inside


def save(path: Path, coef: np.ndarray, intercept: np.ndarray, meta: dict) -> None:
    """Write weights.npz (float16 weights) and meta.json."""
    path.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path / "weights.npz", coef=coef.astype(np.float16), intercept=intercept)
    (path / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def load_tagger() -> SkillTagger | None:
    """The trained English tagger, or None when models/skilltagger-v1 is absent."""
    path = models_dir() / VERSION / "weights.npz"
    if not path.exists():
        return None
    with np.load(path) as data:
        return SkillTagger(data["coef"], data["intercept"])
