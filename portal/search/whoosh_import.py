"""Import Whoosh with its import-time warnings silenced.

Whoosh 2.7.4 has regexes with invalid escape sequences; Python reports them as
DeprecationWarning (3.11) or SyntaxWarning (3.12+) while compiling, which `-W error`
turns into an import failure. The warnings are about Whoosh's own source, not about our
use of it, so they are ignored only for the import itself.
"""

import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    warnings.simplefilter("ignore", SyntaxWarning)
    import whoosh  # noqa: F401
    import whoosh.analysis
    import whoosh.fields
    import whoosh.index
    import whoosh.lang.snowball.dutch
    import whoosh.qparser
    import whoosh.query
    import whoosh.searching
    import whoosh.sorting
    import whoosh.writing  # noqa: F401


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
