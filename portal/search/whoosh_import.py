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


def _patch_field_length_table() -> None:
    """Writing a segment asks the length of a field for every posting it writes, and
    Whoosh answers each time through a column reader (seek, read, unpack). Read a
    field's one-byte length codes once per open segment and answer from that table;
    the same values as before (None for a length code 0, as Whoosh returns)."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader, _lenfield
    from whoosh.util.numeric import byte_to_length

    lengths = [None] + [byte_to_length(code) for code in range(1, 256)]
    original = W3PerDocReader.doc_field_length

    def doc_field_length(self, docnum, fieldname, default=0):
        tables = self.__dict__.setdefault("_leerwijzer_lengths", {})
        codes = tables.get(fieldname)
        if codes is None:
            column = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            if column is None or getattr(column, "_fixedlen", None) != 1:
                return original(self, docnum, fieldname, default)
            codes = tables[fieldname] = column._dbfile.get(
                column._basepos, column._count
            )
        if docnum > self._doccount:
            raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
        return lengths[codes[docnum]] if docnum < len(codes) else None

    W3PerDocReader.doc_field_length = doc_field_length


_patch_length_reader_cache()
_patch_field_length_table()
