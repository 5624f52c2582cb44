"""Pieces shared by the SQLite and PostgreSQL Dutch backends."""

from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import Phrase, PlainText

from ..analysis import analyse, words


def analysed_query(query):
    """Rewrite plain-text and phrase queries into analysed terms."""
    if isinstance(query, PlainText):
        terms = analyse(query.query_string) or words(query.query_string)
        return PlainText(" ".join(terms), operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(" ".join(analyse(query.query_string, keep_stopwords=True)))
    return query


def analysed_field_values(prepared):
    """Analyse the text that a modelsearch ObjectIndexer.prepare_field yields.

    Full-text fields are stemmed; autocomplete fields are only folded, so prefixes
    typed by a user still match. The value is always the last item of the tuple.
    """
    for item in prepared:
        field, value = item[0], item[-1]
        if isinstance(field, SearchField):
            value = " ".join(analyse(value))
        elif isinstance(field, AutocompleteField):
            value = " ".join(words(value))
        yield (*item[:-1], value)


class PrepareEachFieldOnce:
    """Indexer mixin: analyse each field of an object once.

    modelsearch's indexers call ``prepare_field`` for every field once per index
    column (title, body, autocomplete; on PostgreSQL also title_text and body_text),
    so rich-text stripping and the Dutch analysis ran up to five times per field.
    An indexer serves one object, so its results are kept for its lifetime. The
    object is kept with its result, so its ``id()`` cannot be reused meanwhile.
    """

    def prepare_field(self, obj, field):
        memo = self.__dict__.setdefault("_prepared", {})
        key = (id(obj), id(field))
        if key not in memo:
            memo[key] = (obj, list(analysed_field_values(super().prepare_field(obj, field))))
        return iter(memo[key][1])


class NoWordsMatchNothing:
    """A query of only punctuation (e.g. '-' or '"()') matches nothing instead of
    producing an empty full-text expression that the database rejects."""

    def search(self, *args, **kwargs):
        query = self.query
        if isinstance(query, PlainText | Phrase) and not words(query.query_string):
            return self.queryset.none()
        return super().search(*args, **kwargs)
