"""Import Whoosh with its import-time warnings silenced.

Whoosh 2.7.4 has regexes with invalid escape sequences and `is` comparisons with
literals; Python reports them as DeprecationWarning/SyntaxWarning while compiling, which
`-W error` turns into an import failure. The warnings are about Whoosh's own source, not
about our use of it, so they are ignored only while every Whoosh module this project
uses is imported (compiled) here, first.
"""

import importlib
import warnings

WHOOSH_MODULES = (
    "whoosh",
    "whoosh.analysis",
    "whoosh.codec.whoosh3",
    "whoosh.columns",
    "whoosh.fields",
    "whoosh.filedb.filestore",
    "whoosh.filedb.structfile",
    "whoosh.formats",
    "whoosh.index",
    "whoosh.lang.snowball.dutch",
    "whoosh.lang.stopwords",
    "whoosh.matching",
    "whoosh.multiproc",
    "whoosh.query",
    "whoosh.reading",
    "whoosh.scoring",
    "whoosh.searching",
    "whoosh.sorting",
    "whoosh.support.charset",
    "whoosh.util.numeric",
    "whoosh.writing",
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    warnings.simplefilter("ignore", SyntaxWarning)
    for _name in WHOOSH_MODULES:
        importlib.import_module(_name)


def _patch_length_reader_cache() -> None:
    """Whoosh 2.7.4 looks up a missing length column with a file-exists system call for
    every posting it writes (W3PerDocReader._cached_reader caches only hits). Cache the
    misses too; the segment being read does not change while it is open."""
    from whoosh.codec.whoosh3 import W3PerDocReader

    original = W3PerDocReader._cached_reader

    def cached_reader(self, fieldname, column):
        misses = self.__dict__.setdefault("_leerwijzer_missing", set())
        if fieldname in misses:
            return None
        reader = original(self, fieldname, column)
        if reader is None:
            misses.add(fieldname)
        return reader

    W3PerDocReader._cached_reader = cached_reader


_patch_length_reader_cache()
