"""Build models/taxonomy-v1/ from ESCO (FR+EN), O*NET technology names and curated data.

Usage: python scripts/build_taxonomy.py [--data ../shared/data] [--out models/taxonomy-v1]

Reads ../shared/data (see its README) and scripts/data/taxonomy/*.tsv; writes
taxonomy.json.gz (skills, groups, lemma overrides and the precomputed matching keys per
language) and stats.json. Keys are computed with the same `Normalizer` the extractor uses.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.extraction.normalize import Normalizer, fold, read_overrides  # noqa: E402
from analysis.extraction.pipeline import get_nlp  # noqa: E402

CURATED = ROOT / "scripts" / "data" / "taxonomy"
VERSION = "taxonomy-v1"
# Priority of a label source when two skills share a key (lower wins).
P_CURATED, P_PREF, P_ALT, P_ONET, P_HIDDEN, P_CROSS = 0, 1, 2, 3, 4, 5
SOFT_EXCLUDED_GROUPS = {
    "working with digital devices and applications",
    "applying health-related skills and competences",
    "applying environmental skills and competences",
    "working with numbers and measures",
    "manipulating and controlling objects and equipment",
    "responding to physical circumstances",
    "applying general knowledge",
    "applying civic skills and competences",
}
# "Google " is not stripped: "Analytics", "Ads", "Cloud" alone are not tools.
VENDOR_PREFIXES = ("Microsoft ", "Adobe ", "Apache ", "Autodesk ", "Atlassian ")
MAX_TOKENS = 8
# An ESCO alternative label of one content word is "generic" when the word occurs in the
# descriptions of at least GENERIC_ALT_DF ESCO skills: as a synonym it names dozens of things
# ("processes" is an alternative label of "perform ground-handling maintenance procedures",
# "patterns" of "dies", "security" of "securities"). Such labels are dropped unless they are
# the preferred label itself (plural or case aside) or, below GENERIC_STRICT_DF, a word of it
# ("welding" for "operate welding equipment"). Thresholds read off the list of such labels.
GENERIC_ALT_DF, GENERIC_STRICT_DF = 20, 100


def tidy(label: str | None) -> str:
    """A label as users should read it: ESCO has 86 with stray (often no-break) spaces."""
    return " ".join((label or "").split())


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if "preferredLabel" in row:
            row["preferredLabel"] = tidy(row["preferredLabel"])
    return rows


def read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (CURATED / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def split_labels(value: str, sep: str = "\n") -> list[str]:
    return [tidy(v) for v in (value or "").split(sep) if v.strip()]


def generic_alternative(label: str, preferred: str, description_df: Counter[str]) -> bool:
    """Whether a one-word alternative label is too common a word to stand for its skill."""
    word = label.strip().lower()
    if not re.fullmatch(r"[a-z]+", word):
        return False
    name = preferred.strip().lower()
    if word in (name, f"{name}s", f"{name}es") or name in (f"{word}s", f"{word}es"):
        return False
    df = description_df[word]
    if df < GENERIC_ALT_DF:
        return False
    in_preferred = len(word) >= 5 and any(
        w[:5] == word[:5] for w in re.findall(r"[a-z]+", preferred.lower())
    )
    return not (in_preferred and df < GENERIC_STRICT_DF)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9+#]+", "-", fold(text)).strip("-")


class ToolFlags(dict):
    """tool_flags.tsv, looked up without regard to case ("pandas" finds "Pandas")."""

    def __init__(self, items: object) -> None:
        super().__init__((fold(k), v) for k, v in items)  # type: ignore[union-attr]

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return super().get(fold(key), default)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(fold(key))


class Builder:
    """Collects skills and labels, then compiles the matching keys."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.skills: dict[str, dict] = {}
        self.groups: dict[str, dict[str, str]] = {}
        self.entries: list[
            tuple[str, str, str, int, str, bool]
        ] = []  # lang,label,id,prio,flags,cur
        self.by_en_label: dict[str, str] = {}
        self.onet_ids: dict[str, str] = {}
        self.common: set[str] = set()
        self.description_df: Counter[str] = Counter()  # English word -> ESCO skills using it

    def add_skill(self, sid: str, kind: str, stype: str, en: str, fr: str) -> None:
        self.skills.setdefault(
            sid, {"kind": kind, "type": stype, "en": [], "fr": [], "broader": []}
        )
        rec = self.skills[sid]
        for lang, label in (("en", en), ("fr", fr)):
            if label and label not in rec[lang]:
                rec[lang].append(label)

    def add_label(
        self, lang: str, label: str, sid: str, prio: int, flags: str = "", curated: bool = False
    ) -> None:
        label = " ".join(label.split())
        if label:
            self.entries.append((lang, label, sid, prio, flags, curated))

    def resolve(self, target: str) -> str:
        if target.startswith("esco:"):
            sid = self.by_en_label.get(tidy(target[5:]))
            if sid is None:
                raise SystemExit(f"curated target not found in ESCO: {target!r}")
            return sid
        if target.startswith("onet:"):
            return self.onet_ids[target[5:]]
        if target not in self.skills:
            raise SystemExit(f"curated target not defined in new_skills.tsv: {target!r}")
        return target

    def load_esco(self) -> None:
        esco = self.data / "esco"
        language_uris = {
            r["conceptUri"] for r in read_csv(esco / "en/languageSkillsCollection_en.csv")
        }
        soft = {
            r["conceptUri"]
            for r in read_csv(esco / "en/transversalSkillsCollection_en.csv")
            if not any(g.strip() in SOFT_EXCLUDED_GROUPS for g in r["broaderConceptPT"].split("|"))
        }
        fr_labels: dict[str, tuple[str, list[str]]] = {}
        for r in read_csv(esco / "fr/esco_2020/skills_fr.csv"):
            fr_labels[r["conceptUri"]] = (r["preferredLabel"], split_labels(r["altLabels"]))
        for r in read_csv(esco / "fr/esco_v1.2.1_labels/skills_fr.csv"):
            old = fr_labels.get(r["conceptUri"], ("", []))
            alts = split_labels(r["altLabels"], "|") + old[1]
            fr_labels[r["conceptUri"]] = (r["preferredLabel"] or old[0], alts)
        rows = read_csv(esco / "en/skills_en.csv")
        for r in rows:
            text = f"{r['preferredLabel']} {r['description']}".lower()
            self.description_df.update(set(re.findall(r"[a-z]+", text)))
        for r in rows:
            uri = r["conceptUri"]
            if uri in language_uris or r["status"] != "released":
                continue
            kind = "soft" if uri in soft else "hard"
            pref_fr, alts_fr = fr_labels.get(uri, ("", []))
            self.add_skill(
                uri, kind, r["skillType"] or "skill/competence", r["preferredLabel"], pref_fr
            )
            self.by_en_label[r["preferredLabel"]] = uri
            self.add_label("en", r["preferredLabel"], uri, P_PREF)
            for alt in split_labels(r["altLabels"]):
                self.add_label("en", alt, uri, P_ALT)
            for hidden in split_labels(r["hiddenLabels"]):
                self.add_label("en", hidden, uri, P_HIDDEN)
            if pref_fr:
                self.add_label("fr", pref_fr, uri, P_PREF)
            for alt in alts_fr:
                self.add_label("fr", alt, uri, P_ALT)
        fr_transversal = esco / "fr/esco_v1.1.2/transversalSkillsCollection_fr.csv"
        for r in read_csv(fr_transversal):
            rec = self.skills.get(r["conceptUri"])
            if rec is not None and not rec["fr"] and r["preferredLabel"]:
                rec["fr"].append(r["preferredLabel"])
                self.add_label("fr", r["preferredLabel"], r["conceptUri"], P_PREF)
        for lang, path in (
            ("en", "en/skillGroups_en.csv"),
            ("fr", "fr/esco_v1.1.2/skillGroups_fr.csv"),
        ):
            for r in read_csv(esco / path):
                self.groups.setdefault(r["conceptUri"], {})[lang] = r["preferredLabel"]
        for r in read_csv(esco / "en/broaderRelationsSkillPillar.csv"):
            rec = self.skills.get(r["conceptUri"])
            if rec is not None and r["broaderUri"] not in rec["broader"]:
                rec["broader"].append(r["broaderUri"])

    def load_onet(self, common: set[str], tool_flags: dict[str, str]) -> None:
        path = self.data / "onet" / "Technology Skills.txt"
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        for r in rows:
            name = r["Example"].strip()
            group = f"cvscope:toolgroup/{r['Commodity Code']}"
            self.groups.setdefault(group, {"en": r["Commodity Title"], "fr": r["Commodity Title"]})
            sid = self.onet_ids.setdefault(name, f"cvscope:tool/{slug(name)}")
            if sid not in self.skills:
                self.add_skill(sid, "hard", "tool", name, name)
            if group not in self.skills[sid]["broader"]:
                self.skills[sid]["broader"].append(group)
        for name, sid in self.onet_ids.items():
            # vendor-less alias only for names reviewed in tool_flags.tsv ("Excel", not "Analytics")
            names = [name] + [
                name[len(p) :]
                for p in VENDOR_PREFIXES
                if name.startswith(p) and name[len(p) :] in tool_flags
            ]
            for alias in names:
                words = alias.split()
                if len(alias) <= 1:
                    continue
                flags = tool_flags.get(alias)
                if flags is None:
                    flags = "cx" if len(words) == 1 and fold(alias) in common else ""
                for lang in ("en", "fr"):
                    self.add_label(lang, alias, sid, P_ONET, flags.replace("-", ""))

    def load_curated(self, tool_flags: dict[str, str]) -> None:
        for sid, kind, en, fr, *_ in read_tsv("new_skills.tsv"):
            self.add_skill(sid, kind, "curated", en, fr)
            for lang, label in (("en", en), ("fr", fr)):
                self.add_label(lang, label, sid, P_CURATED, curated=True)
        for sid, _kind, _en, _fr, *rest in read_tsv("new_skills.tsv"):
            if rest and rest[0].strip():
                self.skills[sid]["broader"].append(self.resolve(rest[0]))
        for code, _title, target in read_tsv("tool_group_skills.tsv"):
            group, skill = f"cvscope:toolgroup/{code}", self.resolve(target)
            for rec in self.skills.values():
                if group in rec["broader"] and skill not in rec["broader"]:
                    rec["broader"].append(skill)
        for target, lang, aliases, *rest in read_tsv("aliases.tsv"):
            sid = self.resolve(target)
            flags = rest[0].strip() if rest else ""
            if lang == "fr" and not self.skills[sid]["fr"]:
                self.skills[sid]["fr"].append(aliases.split("|")[0])
            for alias in aliases.split("|"):
                alias_flags = flags or tool_flags.get(alias, "").replace("-", "")
                for code in ("en", "fr") if lang == "*" else (lang,):
                    self.add_label(code, alias, sid, P_CURATED, alias_flags, curated=True)
        for target, en, fr in read_tsv("soft_skills.tsv"):
            sid = self.resolve(target)
            self.skills[sid]["kind"] = "soft"
            for lang, aliases in (("en", en), ("fr", fr)):
                for alias in aliases.split("|"):
                    self.add_label(lang, alias, sid, P_CURATED, curated=True)

    def compile_keys(
        self, overrides: dict[str, dict[str, str]], learned: set[str]
    ) -> dict[str, dict[str, list]]:
        stops = {(lang, fold(label).strip()) for lang, label in read_tsv("stop_labels.tsv")}
        index = {sid: i for i, sid in enumerate(self.skills)}
        keys: dict[str, dict[str, list]] = {"en": {}, "fr": {}}
        self.dropped = Counter()
        for lang in ("en", "fr"):
            norm = Normalizer(lang, overrides[lang])
            entries = [e for e in self.entries if e[0] == lang]
            nlp = get_nlp(lang)
            docs = nlp.pipe((e[1] for e in entries), batch_size=2000)
            for (_, label, sid, prio, flags, curated), doc in zip(entries, docs, strict=True):
                form_key, lemma_key = norm.label_keys(doc)
                n_tokens = form_key.count(" ") + 1
                folded = fold(label)
                if not curated:
                    if (lang, folded) in stops or ("*", folded) in stops:
                        self.dropped["stop_label"] += 1
                        continue
                    if n_tokens > MAX_TOKENS or len(form_key) <= 1 or form_key.isdigit():
                        self.dropped["shape"] += 1
                        continue
                    # one content word left ("IT equipment" keys as "equipment")
                    if (lang == "en" and prio in (P_ALT, P_HIDDEN) and n_tokens == 1
                            and generic_alternative(form_key, self.skills[sid]["en"][0],
                                                    self.description_df)):
                        self.dropped["generic_alternative"] += 1
                        continue
                if (
                    label.isupper()
                    and len(label) <= 4
                    and folded in self.common
                    and "u" not in flags
                ):
                    flags += "u"
                if curated and "k" not in flags and "t" not in flags:
                    flags += "k"  # curated: kept even when the English tagger disagrees
                key_set = {form_key, lemma_key}
                plain = norm.single_plain_key(doc) if n_tokens == 1 else None
                # one-word label: form or plain lemma, no overrides ("IT equipment" keeps "it"
                # in its form key, so it is two words and never keyed as "equipment" alone)
                if plain is not None:
                    key_set = {form_key, plain}
                    if lang == "fr" and plain.endswith(("er", "ir")) and form_key != plain:
                        # "organisé" (a quality) must not fire on the verb "organiser"
                        key_set = {form_key}
                    flags += "f"
                for key in key_set:
                    if ((lang, key) in stops or ("*", key) in stops) and not curated:
                        continue
                    if lang == "en" and key in learned and not curated:
                        self.dropped["learned_stop_key"] += 1
                        continue
                    old = keys[lang].get(key)
                    if old is None or prio < old[1]:
                        keys[lang][key] = [index[sid], prio, flags]
        # French texts often use English terms: add English multi-word and tool keys.
        skills = list(self.skills)
        for key, (idx, prio, flags) in list(keys["en"].items()):
            stype = self.skills[skills[idx]]["type"]
            if key in keys["fr"]:
                continue
            if " " in key or stype in ("tool", "curated") or prio == P_CURATED:
                keys["fr"][key] = [idx, P_CROSS, flags]
        return keys


def write_artifact(out: Path, builder: Builder, overrides: dict, keys: dict) -> list[list]:
    """Write taxonomy.json.gz; return the skills table."""
    skills = [
        [sid, rec["kind"], rec["type"], rec["en"], rec["fr"] or rec["en"], rec["broader"]]
        for sid, rec in builder.skills.items()
    ]
    artifact = {
        "version": VERSION,
        "skills": skills,
        "groups": builder.groups,
        "overrides": overrides,
    }
    key_tables = {lang: {k: [v[0], v[2]] for k, v in table.items()} for lang, table in keys.items()}
    artifact["version"] = build_version(artifact, key_tables)
    out.mkdir(parents=True, exist_ok=True)
    # keys.json.gz is columnar (keys, skill indices, flags per language): three flat lists
    # parse in half the time of one object per key, at every start of the CLI and the app.
    columns = {}
    for lang, table in key_tables.items():
        ordered = sorted(table)
        columns[lang] = {"keys": ordered, "ids": [table[k][0] for k in ordered],
                         "flags": [table[k][1] for k in ordered]}
    # mtime=0 and sorted keys: the same inputs give the same bytes.
    for name, content in (("taxonomy.json.gz", artifact), ("keys.json.gz", columns)):
        raw = json.dumps(content, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        with (out / name).open("wb") as fh:
            fh.write(gzip.compress(raw.encode("utf-8"), compresslevel=9, mtime=0))
    return skills


def build_version(artifact: dict, key_tables: dict) -> str:
    """The version string: folder name + content digest ("taxonomy-v1+1a2b3c4d").

    Storage and batch caches key extraction results on it, so any change of skills, labels or
    keys invalidates them while the folder (the public name) stays `taxonomy-v1`.
    """
    import hashlib

    digest = hashlib.sha256()
    for content in ({**artifact, "version": VERSION}, key_tables):
        raw = json.dumps(content, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        digest.update(raw.encode("utf-8"))
    return f"{VERSION}+{digest.hexdigest()[:8]}"


def read_learned(path: Path) -> set[str]:
    """Keys listed in learned_stop_keys.tsv (first column)."""
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0] for line in lines if line and not line.startswith("#")}


def learn_stop_keys(out: Path, train: Path, dest: Path, min_hits: int = 4) -> None:
    """English keys that fire mostly outside gold skill spans on SkillSpan *train*."""
    from analysis.extraction.matcher import SkillMatcher
    from analysis.taxonomy import read_taxonomy

    tax = read_taxonomy(out)
    matcher = SkillMatcher(tax, "en")
    nlp = get_nlp("en")
    hits: Counter[str] = Counter()
    good: Counter[str] = Counter()
    labels: dict[str, str] = {}
    rows = [json.loads(line) for line in train.read_text(encoding="utf-8").splitlines()]
    texts = [" ".join(r["tokens"]) for r in rows]
    for row, doc in zip(rows, nlp.pipe(texts, batch_size=500), strict=True):
        starts, pos = [], 0
        for tok in row["tokens"]:
            starts.append(pos)
            pos += len(tok) + 1
        gold = [
            i
            for i in range(len(row["tokens"]))
            if row["tags_skill"][i] != "O" or row["tags_knowledge"][i] != "O"
        ]
        gold_chars = {(starts[i], starts[i] + len(row["tokens"][i])) for i in gold}
        for start, end, sid, _, key in matcher.select(doc.text, matcher.views(doc)):
            hits[key] += 1
            labels[key] = tax.label(sid, "en")
            good[key] += any(s < end and e > start for s, e in gold_chars)
    rows_out = [
        (key, n, good[key] / n)
        for key, n in hits.most_common()
        if n >= min_hits and good[key] / n < 0.3
    ]
    header = (
        "# English keys dropped because on SkillSpan train.json they fire mostly outside gold\n"
        "# skill spans (hits >= 4, precision < 0.3). Generated by\n"
        "# `python scripts/build_taxonomy.py --learn-stops`; review before committing.\n"
        "# Curated aliases (aliases.tsv, soft_skills.tsv, new_skills.tsv) are never dropped.\n"
        "# key<TAB>hits<TAB>precision<TAB>skill label\n"
    )
    body = "".join(f"{k}\t{n}\t{p:.2f}\t{labels[k]}\n" for k, n, p in rows_out)
    dest.write_text(header + body, encoding="utf-8")
    print(f"learned {len(rows_out)} stop keys from {train}")


def common_words() -> set[str]:
    """Ordinary English and French words (spacy-lookups-data lemma tables)."""
    import spacy_lookups_data

    base = Path(spacy_lookups_data.__file__).parent / "data"
    words: set[str] = set()
    for name in ("en_lemma_lookup.json.gz", "fr_lemma_lookup.json.gz"):
        with gzip.open(base / name, "rt", encoding="utf-8") as fh:
            table = json.load(fh)
        words.update(fold(k) for k in table)
        for value in table.values():
            words.update(fold(v) for v in (value if isinstance(value, list) else [value]))
    with gzip.open(base / "en_lexeme_prob.json.gz", "rt", encoding="utf-8") as fh:
        words.update(fold(w) for w, p in json.load(fh).items() if p > -11.0)
    return words


def main() -> None:
    """Build the taxonomy artifact."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "models" / VERSION)
    parser.add_argument(
        "--learn-stops",
        action="store_true",
        help="re-learn learned_stop_keys.tsv from SkillSpan train.json before building",
    )
    args = parser.parse_args()
    started = time.time()
    overrides = read_overrides(
        (CURATED / "lemma_overrides.tsv").read_text(encoding="utf-8").splitlines()
    )
    tool_flags = ToolFlags((name, flags) for name, flags in read_tsv("tool_flags.tsv"))
    builder = Builder(args.data)
    builder.common = common_words()
    builder.load_esco()
    builder.load_onet(builder.common, tool_flags)
    builder.load_curated(tool_flags)
    learned_path = CURATED / "learned_stop_keys.tsv"
    learned = set() if args.learn_stops else read_learned(learned_path)
    keys = builder.compile_keys(overrides, learned)
    skills = write_artifact(args.out, builder, overrides, keys)
    if args.learn_stops:
        learn_stop_keys(args.out, args.data / "skillspan" / "train.json", learned_path)
        builder.dropped.clear()
        keys = builder.compile_keys(overrides, read_learned(learned_path))
        skills = write_artifact(args.out, builder, overrides, keys)
    kinds = Counter(s[1] for s in skills)
    types = Counter(s[2] for s in skills)
    with gzip.open(args.out / "taxonomy.json.gz", "rt", encoding="utf-8") as fh:
        built_version = json.load(fh)["version"]
    stats = {
        "version": built_version,
        "skills": len(skills),
        "kinds": dict(kinds),
        "types": dict(types),
        "groups": len(builder.groups),
        "labels": len(builder.entries),
        "keys": {lang: len(table) for lang, table in keys.items()},
        "dropped": dict(builder.dropped),
        "sources": {
            "esco": "ESCO v1.1.1 (EN), FR labels v1.2.1 + 2020; ESCO, European Commission; "
            "CC BY 4.0",
            "onet": "O*NET 29.2 Database, USDOL/ETA, CC BY 4.0 (Technology Skills)",
        },
        "seconds": round(time.time() - started, 1),
    }
    (args.out / "stats.json").write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
    size = os.path.getsize(args.out / "taxonomy.json.gz")
    print(json.dumps(stats, indent=2), f"\nwrote {args.out / 'taxonomy.json.gz'} ({size:,} bytes)")


if __name__ == "__main__":
    main()
