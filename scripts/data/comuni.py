#!/usr/bin/env python3
"""Builds crates/domain/data/comuni.tsv, the national list of comuni valid today.

Source: ISTAT's codes of the comuni as published by the Italian government's
controlled vocabularies (github.com/italia/daf-ontologie-vocabolari-controllati,
VocabolariControllati/territorial-classifications/cities/cities.csv). Its
names are in upper case; the proper case is derived by the rule in
`proper_case` plus the few names ISTAT spells otherwise (`ISTAT_SPELLING`),
checked against ISTAT's own "Elenco dei comuni italiani" (`--check`).

Usage (from the repository's root; Python 3.11 or newer, standard library only):

    python3 scripts/data/comuni.py                   # reads the git mirror
    python3 scripts/data/comuni.py --git-dir path/to/clone/.git
    python3 scripts/data/comuni.py path/to/cities.csv
    python3 scripts/data/comuni.py --check Elenco-comuni-italiani.csv

The output is written to crates/domain/data/comuni.tsv (or --out FILE):
tab-separated, a header row, UTF-8, sorted by code; columns code (ISTAT's
six digits), name, province (car-plate sigla), region (ISTAT's two digits).
The script also checks that every town named in config/areas/*.toml exists
in its area's province, and exits 1 if one does not.
"""

import argparse
import csv
import io
import pathlib
import re
import subprocess
import sys
import tomllib

MIRROR = "/work/.mirror/italia+daf-ontologie-vocabolari-controllati/repo"
COMMIT = "72fb22a7c8db43273d6b9e28938de000aa4b6de5"
SOURCE_PATH = "VocabolariControllati/territorial-classifications/cities/cities.csv"
CURRENT = "31-12-9999"

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "crates/domain/data/comuni.tsv"
# The province of each area's towns in config/areas/<area>.toml.
AREA_PROVINCES = {"lecce": "LE", "rimini": "RN"}

# Articles, prepositions and conjunctions written in lower case inside a
# name ("Monteroni di Lecce", "Corigliano d'Otranto", "Castelnovo ne' Monti").
LOWER = {
    "a", "ai", "al", "all", "alla", "allo", "con", "d", "da", "dall", "de",
    "degli", "dei", "del", "dell", "della", "delle", "dello", "di", "e", "ed",
    "en", "il", "in", "l", "la", "li", "ne", "nei", "nel", "nell", "nelle",
    "per", "presso", "su", "sul", "sull", "sulla", "sullo",
}
# Lower case inside a name ("Castelletto sopra Ticino"), capitalised at its
# end ("Bonate Sopra", "Forni di Sotto").
LOWER_UNLESS_LAST = {"sopra", "sotto"}

# Names ISTAT spells otherwise than the rule, as in ISTAT's "Denominazione
# in italiano" (Elenco dei comuni italiani), keyed by the upper-case label.
ISTAT_SPELLING = {
    "SOTTO IL MONTE GIOVANNI XXIII": "Sotto il Monte Giovanni XXIII",
    "MORRA DE SANCTIS": "Morra De Sanctis",
    "TORRE LE NOCELLE": "Torre Le Nocelle",
    "SANT'ANGELO LE FRATTE": "Sant'Angelo Le Fratte",
    "SAN GIORGIO LA MOLARA": "San Giorgio La Molara",
    "SAN VITO LO CAPO": "San Vito Lo Capo",
    "SAN VINCENZO LA COSTA": "San Vincenzo La Costa",
    "GRESSONEY-LA-TRINITÉ": "Gressoney-La-Trinité",
    "APPIANO SULLA STRADA DEL VINO": "Appiano sulla strada del vino",
    "CALDARO SULLA STRADA DEL VINO": "Caldaro sulla strada del vino",
    "CORTACCIA SULLA STRADA DEL VINO": "Cortaccia sulla strada del vino",
    "CORTINA SULLA STRADA DEL VINO": "Cortina sulla strada del vino",
    "MAGRÈ SULLA STRADA DEL VINO": "Magrè sulla strada del vino",
    "SALORNO SULLA STRADA DEL VINO": "Salorno sulla strada del vino",
    "TERMENO SULLA STRADA DEL VINO": "Termeno sulla strada del vino",
    "TRODENA NEL PARCO NATURALE": "Trodena nel parco naturale",
}

SEPARATORS = re.compile(r"([ '\-/])")


def proper_case(label):
    """The name in proper Italian case from ISTAT's upper-case label."""
    if label in ISTAT_SPELLING:
        return ISTAT_SPELLING[label]
    parts = SEPARATORS.split(label.lower())
    words = [i for i, p in enumerate(parts) if p and not SEPARATORS.fullmatch(p)]
    for n, i in enumerate(words):
        word = parts[i]
        first, last = n == 0, n == len(words) - 1
        if not first and (word in LOWER or (word in LOWER_UNLESS_LAST and not last)):
            continue
        parts[i] = word[:1].upper() + word[1:]
    return "".join(parts)


def read_source(path, git_dir):
    if path:
        return pathlib.Path(path).read_text(encoding="utf-8")
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"{COMMIT}:{SOURCE_PATH}"],
        check=True, capture_output=True, text=True, encoding="utf-8",
    ).stdout


def current_comuni(text):
    """Rows valid today, one per code: (code, name, province, region)."""
    comuni = {}
    for row in csv.DictReader(io.StringIO(text)):
        if row["DATA_FINE_VALIDITA"] != CURRENT:
            continue
        code = row["CODICE_COMUNE"]
        entry = (code, proper_case(row["LABEL_COMUNE_IT"].strip()),
                 row["SIGLA_AUTOMOBILISTICA"], row["CODICE_REGIONE"])
        if code in comuni and comuni[code] != entry:
            sys.exit(f"code {code} has two different current rows: {comuni[code]} and {entry}")
        comuni[code] = entry
    for code, name, province, region in comuni.values():
        if not (re.fullmatch(r"\d{6}", code) and re.fullmatch(r"[A-Z]{2}", province)
                and re.fullmatch(r"\d{2}", region) and name):
            sys.exit(f"unexpected row: {code} {name!r} {province} {region}")
    return [comuni[c] for c in sorted(comuni)]


def check_against_istat(rows, istat_path):
    """Prints where the names differ from ISTAT's "Denominazione in italiano"
    (the file ISTAT publishes: semicolon-separated, Latin-1)."""
    text = pathlib.Path(istat_path).read_bytes().decode("latin-1")
    istat = {}
    for fields in list(csv.reader(io.StringIO(text), delimiter=";"))[1:]:
        if len(fields) > 6 and re.fullmatch(r"\d{6}", fields[4]):
            istat[fields[4]] = fields[6]
    differ = [(c, n, istat[c]) for c, n, _, _ in rows if c in istat and istat[c] != n]
    for code, ours, theirs in differ:
        print(f"{code}: {ours!r} here, {theirs!r} in ISTAT's list")
    missing = sorted({c for c, *_ in rows} ^ set(istat))
    print(f"{len(differ)} names differ; codes in one list only: {' '.join(missing) or 'none'}")


def check_areas(rows):
    """Every town of config/areas/<area>.toml exists in its province."""
    names = {(p, n) for _, n, p, _ in rows}
    wrong = []
    for area, province in AREA_PROVINCES.items():
        config = tomllib.loads((ROOT / f"config/areas/{area}.toml").read_text(encoding="utf-8"))
        for sub in config.get("sub_area", []):
            wrong += [f"{area}: {t!r}" for t in sub.get("towns", []) if (province, t) not in names]
    return wrong


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", help="cities.csv (default: read from --git-dir at the pinned commit)")
    parser.add_argument("--git-dir", default=MIRROR, help=f"git directory of the source repository (default {MIRROR})")
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--check", metavar="ISTAT_CSV", help="compare the names with ISTAT's Elenco-comuni-italiani.csv")
    args = parser.parse_args()

    rows = current_comuni(read_source(args.source, args.git_dir))
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("code\tname\tprovince\tregion\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"{len(rows)} comuni written to {args.out}")
    if args.check:
        check_against_istat(rows, args.check)
    wrong = check_areas(rows)
    if wrong:
        print("towns in config/areas not found in their province:", *wrong, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
