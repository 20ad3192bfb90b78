"""Build ``src/casewatch/data/names_gazetteer.json`` from the ``names-dataset`` package.

    pip install names-dataset==3.3.1   # MIT licence; about 55 MB, 3 GB of memory to load
    python bench/build_names_gazetteer.py [--rank 3000]

The package lists given names and surnames with their rank in each of 105 countries and the share of
men and women bearing each given name. casewatch ships a compact derivative: Latin-script names whose best
rank in any country is at most ``--rank``, lower-cased, the given names with the share of men (0-100).
Nothing about any person is kept: only the names and those aggregate shares.
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import pickle
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "casewatch" / "data" / "names_gazetteer.json"


def _latin(name: str) -> str | None:
    """The name lower-cased without diacritics, when it is one word of Latin letters (a hyphen or apostrophe
    inside allowed)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
    if not plain or not plain.isascii() or not plain[0].isalpha() or not plain[-1].isalpha():
        return None
    return plain if all(c.isalpha() or c in "-'" for c in plain) else None


def _best_rank(entry: dict) -> int | None:
    ranks = [r for r in (entry.get("rank") or {}).values() if r]
    return min(ranks) if ranks else None


def _load(name: str) -> dict:
    spec = importlib.util.find_spec("names_dataset")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("names-dataset is not installed: pip install names-dataset==3.3.1")
    path = Path(next(iter(spec.submodule_search_locations))) / "v3" / f"{name}.pkl.gz"
    with gzip.open(path) as f:
        return pickle.load(f)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rank", type=int, default=3000, help="keep names ranked this high or higher somewhere")
    args = parser.parse_args()
    given: dict[str, int] = {}
    for name, entry in _load("first_names").items():
        key, rank = _latin(name), _best_rank(entry)
        if key is None or rank is None or rank > args.rank:
            continue
        gender = entry.get("gender") or {}
        male = round(100 * gender.get("M", 0.0) / max(gender.get("M", 0.0) + gender.get("F", 0.0), 1e-9))
        given[key] = male if key not in given else round((given[key] + male) / 2)
    surnames = sorted({key for name, entry in _load("last_names").items()
                       if (key := _latin(name)) is not None and (rank := _best_rank(entry)) is not None
                       and rank <= args.rank})
    out = {
        "about": ("Given names and surnames across 105 countries, for telling a person's name from other capitalised "
                  "words and for the gender a given name usually has. Derived by bench/build_names_gazetteer.py "
                  f"from the names-dataset package 3.3.1 (MIT licence, Philippe Remy): Latin-script names ranked "
                  f"{args.rank} or better in some country, lower case; 'given' maps each given name to the share "
                  "of men bearing it (0-100)."),
        "source": "names-dataset 3.3.1 (MIT)",
        "rank": args.rank,
        "given": dict(sorted(given.items())),
        "surnames": surnames,
    }
    OUT.write_text(json.dumps(out, ensure_ascii=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(given)} given names, {len(surnames)} surnames")


if __name__ == "__main__":
    main()
