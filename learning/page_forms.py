"""CMS edit forms of lessons and guidelines: checks that span the rows of an inline list
(a lesson linked to itself or twice, a version number used twice), shown at the row."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


def duplicate_or_self(target_ids, own_id):
    """The first problem with a list of related-lesson ids: a link to itself or a lesson
    chosen twice (a Dutch message), or None."""
    seen = set()
    for target in target_ids:
        if own_id is not None and target == own_id:
            return _("Een les kan niet naar zichzelf verwijzen.")
        if target in seen:
            return _("Deze les staat al in de lijst.")
        seen.add(target)
    return None


def _live_rows(formset):
    """The child forms that will be kept, with their cleaned data."""
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if data and not data.get("DELETE"):
            yield form, data


class InlineChecksForm(WagtailAdminPageForm):
    def is_valid(self):
        valid = super().is_valid()  # the page form and every formset are cleaned now
        return self.check_inlines() and valid

    def check_inlines(self):
        return True


class LesPageForm(InlineChecksForm):
    def check_inlines(self):
        formset = self.formsets.get("related_links")
        if formset is None:
            return True
        ok, chosen = True, []
        for form, data in _live_rows(formset):
            target = data.get("related")
            if target is None:
                continue
            chosen.append(target.pk)
            message = duplicate_or_self(chosen, self.instance.pk)
            if message:
                form.add_error("related", message)
                chosen.pop()
                ok = False
        return ok


class RichtlijnPageForm(InlineChecksForm):
    def check_inlines(self):
        formset = self.formsets.get("changes")
        if formset is None:
            return True
        ok, seen = True, set()
        for form, data in _live_rows(formset):
            version = (data.get("version") or "").strip()
            if not version:
                continue
            if version in seen:
                form.add_error(
                    "version",
                    _("Versie %(version)s staat al in de wijzigingen.") % {"version": version},
                )
                ok = False
            seen.add(version)
        return ok
