"""StreamField blocks shared by every page type. Each has a ``preview_value``
so editors see a realistic example in the block picker."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("tekst"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3")), ("h4", _("Kop 4"))],
        default="h2",
        label=_("niveau"),
    )

    class Meta:
        icon = "title"
        label = _("Tussenkop")
        template = "blocks/heading.html"
        preview_value = {"text": "Wat werkt bij de overgang naar 18+", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("afbeelding"))
    caption = blocks.CharBlock(required=False, label=_("onderschrift"))
    decorative = blocks.BooleanBlock(
        required=False,
        label=_("alleen decoratief"),
        help_text=_("Aanvinken als de afbeelding geen informatie bevat (lege alt-tekst)."),
    )

    class Meta:
        icon = "image"
        label = _("Afbeelding")
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citaat"))
    attribution = blocks.CharBlock(required=False, label=_("van"))

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "blocks/quote.html"
        preview_value = {
            "text": "Ik wil zelf bepalen wat er in mijn plan staat.",
            "attribution": "Jongere uit de pilotregio",
        }


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titel"))
    text = blocks.TextBlock(required=False, label=_("tekst"))
    page = blocks.PageChooserBlock(required=False, label=_("pagina"))
    url = blocks.URLBlock(required=False, label=_("of externe link"))
    link_text = blocks.CharBlock(label=_("linktekst"))

    class Meta:
        icon = "link"
        label = _("Oproep tot actie")
        template = "blocks/call_to_action.html"
        preview_value = {
            "title": "Meld uw regio aan",
            "text": "Werkt u met minstens twee sectoren samen? Doe mee met de pilots.",
            "url": "https://example.org/",
            "link_text": "Naar het aanmeldformulier",
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(required=False, label=_("omschrijving"))

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "blocks/document.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("vraag of titel"))
    answer = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"], label=_("antwoord")
    )


class AccordionBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(AccordionItemBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        label = _("Uitklapblokken")
        template = "blocks/accordion.html"
        preview_value = [
            {
                "question": "Wat is een toekomstplan?",
                "answer": "<p>Eén plan van de jongere, waarin iedereen samenwerkt.</p>",
            },
        ]


RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul", "hr"]


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label=_("Tekst"),
        preview_value="<p>Samen lerend doen wat werkt: praktijk, onderzoek en ervaring "
        "van jongeren komen hier samen.</p>",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    accordion = AccordionBlock()
    table = TableBlock(label=_("Tabel"), template="blocks/table.html")
