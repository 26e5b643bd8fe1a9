"""Which code and data produced an extraction: part of the key of every cached extraction."""

from __future__ import annotations

from functools import cache

# Bump when a change to the parsing or extraction code changes what is extracted, so that
# cached results (talent pool, coaching workspace, batch --resume) are recomputed.
EXTRACTION_CODE_VERSION = 8  # 8: degree letters before a field ("BA Business
# Administration", "MS Computer Science") and an offer's "Spanish is a plus" are read (match-v9)
# 7: a section heading after "Nice to have" ("Education")
# makes what follows required again (match-v8)
# 6: offers' education and languages carry their importance; English degrees without a level
# ("Degree in marketing") read as a bachelor's (match-v8)
# 5: trimming a tagged phrase's edge function words keeps "Hands-on" whole
# 4: English spans never stop inside a hyphenated word
# 3: offer titles are short lines, never a sentence (match-v4)


@cache
def extraction_version() -> str:
    """Package version, extraction code version, taxonomy content version and tagger version."""
    import analysis
    from analysis.extraction.tagger import VERSION as tagger
    from analysis.taxonomy import load_taxonomy

    return (f"{analysis.__version__}|x{EXTRACTION_CODE_VERSION}|"
            f"{load_taxonomy().version}|{tagger}")
