"""Spreadsheet exports from the CMS that are safe to open: a cell that starts like a
formula is written as text (OWASP "CSV injection"). Shared by every app's
SnippetViewSet with ``list_export``."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """A cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For an ``IndexView``: CSV rows with formula injection escaped (=HYPERLINK(...) etc.);
    Wagtail's XLSX export already stores such cells as text."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: escape_formula(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )
