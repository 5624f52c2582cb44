"""The building blocks editors combine into a toekomstplan template (one StreamField)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class LevensgebiedSectionBlock(blocks.StructBlock):
    levensgebied = SnippetChooserBlock("taxonomy.Levensgebied", label=_("levensgebied"))
    intro = blocks.TextBlock(required=False, label=_("toelichting"))
    prompts = blocks.ListBlock(
        blocks.CharBlock(label=_("vraag")),
        label=_("hulpvragen"),
        help_text=_("Vragen die de jongere helpen dit levensgebied te beschrijven."),
    )

    class Meta:
        icon = "folder-open-inverse"
        label = _("Levensgebied")
        template = "plans/blocks/levensgebied_section.html"


class NetworkMapBlock(blocks.StructBlock):
    title = blocks.CharBlock(default="Mijn steuncirkel", label=_("titel"))
    intro = blocks.TextBlock(required=False, label=_("toelichting"))
    circles = blocks.ListBlock(
        blocks.CharBlock(label=_("kring")),
        label=_("kringen"),
        help_text=_("Bijvoorbeeld: familie, vrienden, school of werk, professionals."),
    )

    class Meta:
        icon = "group"
        label = _("Netwerkkaart")
        template = "plans/blocks/network_map.html"
        preview_value = {
            "title": "Mijn steuncirkel",
            "circles": ["Familie", "Vrienden", "Professionals"],
        }


class RisksSafetyBlock(blocks.StructBlock):
    title = blocks.CharBlock(default="Risico's en veiligheid", label=_("titel"))
    intro = blocks.TextBlock(required=False, label=_("toelichting"))
    prompts = blocks.ListBlock(blocks.CharBlock(label=_("vraag")), label=_("hulpvragen"))

    class Meta:
        icon = "warning"
        label = _("Risico's en veiligheid")
        template = "plans/blocks/risks_safety.html"


class Checklist18Block(blocks.StructBlock):
    title = blocks.CharBlock(default="Checklist 18 jaar", label=_("titel"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("punt")), label=_("punten"))

    class Meta:
        icon = "tasks"
        label = _("18-checklist")
        template = "plans/blocks/checklist.html"
        preview_value = {"title": "Checklist 18 jaar", "items": ["DigiD aangevraagd"]}


class FreeQuestionsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titel"))
    questions = blocks.ListBlock(blocks.CharBlock(label=_("vraag")), label=_("vragen"))

    class Meta:
        icon = "help"
        label = _("Vrije vragen")
        template = "plans/blocks/free_questions.html"
        preview_value = {"title": "Over mij", "questions": ["Waar word je blij van?"]}


class TemplateSectionsBlock(blocks.StreamBlock):
    levensgebied = LevensgebiedSectionBlock()
    network_map = NetworkMapBlock()
    risks_safety = RisksSafetyBlock()
    checklist_18 = Checklist18Block()
    free_questions = FreeQuestionsBlock()
