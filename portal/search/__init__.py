"""Search: one Dutch full-text index over courses, lokets, providers, funds and
initiatives. Importing the package first silences and patches Whoosh (see
whoosh_import.py), before any submodule imports it."""

from portal.search import whoosh_import  # noqa: F401
