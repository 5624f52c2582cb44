"""CMS edit forms of lessons and guidelines: checks that span the rows of an inline list
(a lesson linked to itself or twice, a version number used twice), shown at the row."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


def link_problem(target_id, own_id, chosen=()):
    """What is wrong with linking lesson ``own_id`` to ``target_id`` when ``chosen``
    are already linked: a link to itself or a lesson chosen twice (a Dutch message), or
    None."""
    if own_id is not None and target_id == own_id:
        return _("Een les kan niet naar zichzelf verwijzen.")
    if target_id in chosen:
        return _("Deze les staat al in de lijst.")
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
        ok, chosen = True, set()
        for form, data in _live_rows(formset):
            target = data.get("related")
            if target is None:
                continue
            message = link_problem(target.pk, self.instance.pk, chosen)
            if message:
                form.add_error("related", message)
                ok = False
            else:
                chosen.add(target.pk)
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
