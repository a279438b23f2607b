"""Bulk access to Whoosh postings and field lengths as numpy arrays.

Whoosh's matchers walk postings one document at a time in Python, which made common
words cost hundreds of milliseconds on a large index. The postings are stored in
blocks (delta-coded ids and term frequencies); reading whole blocks into arrays is
one to two orders of magnitude faster. This relies on the block layout of Whoosh's
W3 codec, which is why Whoosh is pinned to 2.7.4 exactly (tests cover it).
"""

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.util.numeric import byte_to_length

_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float32)


def _leaf_arrays(matcher: W3LeafMatcher) -> tuple[np.ndarray, np.ndarray]:
    ids_parts, tf_parts = [], []
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        raw_ids, raw_weights = matcher._data[0], matcher._data[1]
        n = matcher._blocklength
        ids = np.asarray(raw_ids, dtype=np.int64)
        ids_parts.append(ids if matcher._byteids else np.cumsum(ids))
        if raw_weights is None:
            tf_parts.append(np.ones(n, dtype=np.float32))
        elif isinstance(raw_weights, float):
            tf_parts.append(np.full(n, raw_weights, dtype=np.float32))
        else:
            tf_parts.append(np.asarray(raw_weights, dtype=np.float32))
        matcher._next_block()
    if not ids_parts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
    return np.concatenate(ids_parts), np.concatenate(tf_parts)


def term_postings(reader, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    """(docnums, term frequencies) of `text` in `fieldname`, over all segments."""
    ids_parts, tf_parts = [], []
    for segment, base in reader.leaf_readers():
        if (fieldname, text) not in segment:
            continue
        matcher = segment.postings(fieldname, text)
        if not isinstance(matcher, W3LeafMatcher):  # e.g. an in-memory segment
            pairs = list(matcher.items_as("weight"))
            ids = np.array([d for d, _ in pairs], dtype=np.int64)
            tfs = np.array([w for _, w in pairs], dtype=np.float32)
        else:
            ids, tfs = _leaf_arrays(matcher)
        ids_parts.append(ids + base)
        tf_parts.append(tfs)
    if not ids_parts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
    return np.concatenate(ids_parts), np.concatenate(tf_parts)


def _length_bytes(column, count: int) -> np.ndarray:
    """The one-byte length codes of a segment, read as one buffer when possible."""
    codes = np.zeros(count, dtype=np.int64)
    stored = min(getattr(column, "_count", 0), count)
    if getattr(column, "_fixedlen", None) == 1 and stored:
        raw = column._dbfile.get(column._basepos, stored)
        codes[:stored] = np.frombuffer(raw, dtype=np.uint8)
    elif stored:
        codes[:stored] = [column[d] for d in range(stored)]
    return codes


def field_lengths(reader, fieldname: str, size: int) -> np.ndarray:
    """Length (in terms) of `fieldname` for every docnum, as Whoosh stored it."""
    lengths = np.zeros(size, dtype=np.float32)
    for segment, base in reader.leaf_readers():
        count = segment.doc_count_all()
        perdoc = getattr(segment, "_perdoc", None)
        column = (
            perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
            if perdoc
            else None
        )
        if column is None:
            values = [segment.doc_field_length(d, fieldname) for d in range(count)]
            lengths[base : base + count] = values
        else:
            lengths[base : base + count] = _LENGTH_OF_BYTE[_length_bytes(column, count)]
    return lengths


def _segment_column(segment, fieldname: str):
    if not segment.has_column(fieldname):
        return None
    return segment.column_reader(fieldname, translate=False)


def ref_column(reader, fieldname: str, size: int) -> tuple[np.ndarray, list[str]]:
    """A RefBytes (enum) column as (codes per docnum, values): the stored reference
    numbers are read as one buffer per segment and mapped onto one sorted value list."""
    parts = []
    for segment, base in reader.leaf_readers():
        count = segment.doc_count_all()
        column = _segment_column(segment, fieldname)
        if (
            column is not None
            and hasattr(column, "_uniques")
            and hasattr(column, "_itemsize")
        ):
            dtype = {"B": ">u1", "H": ">u2", "I": ">u4"}[column._typecode]
            raw = column._dbfile.get(column._basepos, count * column._itemsize)
            refs = np.frombuffer(raw, dtype=dtype).astype(np.int64)
            uniques = [
                u.decode() if isinstance(u, bytes) else str(u or "")
                for u in column._uniques
            ]
        else:  # no column (no documents had a value) or another column type
            values = [] if column is None else [column[d] for d in range(count)]
            uniques = sorted(
                {v.decode() if isinstance(v, bytes) else str(v or "") for v in values}
                | {""}
            )
            index = {u: i for i, u in enumerate(uniques)}
            refs = np.array(
                [
                    index[v.decode() if isinstance(v, bytes) else str(v or "")]
                    for v in values
                ]
                or [0] * count,
                dtype=np.int64,
            )
        parts.append((base, count, refs, uniques))
    values = sorted({u for *_, uniques in parts for u in uniques} | {""})
    position = {v: i for i, v in enumerate(values)}
    codes = np.zeros(size, dtype=np.int32)
    for base, count, refs, uniques in parts:
        lookup = np.array([position[u] for u in uniques], dtype=np.int32)
        codes[base : base + count] = lookup[refs]
    return codes, values


def numeric_column(reader, fieldname: str, size: int, default: int = 0) -> np.ndarray:
    """A signed 64-bit numeric column as an array, read as one buffer per segment."""
    values = np.full(size, default, dtype=np.int64)
    for segment, base in reader.leaf_readers():
        count = segment.doc_count_all()
        column = _segment_column(segment, fieldname)
        if column is None:
            continue
        stored = min(getattr(column, "_count", count), count)
        if getattr(column, "_typecode", None) == "q" and stored:
            raw = column._dbfile.get(column._basepos, stored * 8)
            values[base : base + stored] = np.frombuffer(raw, dtype=">i8")
        else:
            values[base : base + count] = [column[d] for d in range(count)]
    return values
