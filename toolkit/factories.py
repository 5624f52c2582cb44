"""Factories for toolkit tests and benchmarks."""

import factory

from leernetwerk.core.factories import UserFactory

from .models import (
    OpgeslagenToets,
    OpgeslagenWiel,
    ScanFactor,
    ScanThema,
    ToetsStap,
    ToetsVraag,
    WielOnderdeel,
)


class ToetsStapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ToetsStap
        django_get_or_create = ("number",)

    number = factory.Sequence(lambda n: n % 4 + 1)
    title = factory.LazyAttribute(lambda o: f"Stap {o.number}")
    explanation = "Uitleg bij deze stap."


class ToetsVraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ToetsVraag

    stap = factory.SubFactory(ToetsStapFactory)
    label = factory.Sequence(lambda n: f"Vraag {n}?")
    required = False


class WielOnderdeelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WielOnderdeel

    ring = WielOnderdeel.Ring.DOEL
    name = factory.Sequence(lambda n: f"Onderdeel {n}")


class OpgeslagenToetsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpgeslagenToets

    owner = factory.SubFactory(UserFactory)
    omschrijving = factory.Sequence(lambda n: f"Toets {n}")
    answers = factory.LazyFunction(dict)


class OpgeslagenWielFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpgeslagenWiel

    owner = factory.SubFactory(UserFactory)
    omschrijving = factory.Sequence(lambda n: f"Wiel {n}")
    data = factory.LazyFunction(lambda: {"doelen": {}, "kaders": {}})


def make_toets():
    """Four steps; step 1 and 4 have a required question."""
    steps = []
    for number in range(1, 5):
        stap = ToetsStapFactory(number=number, title=f"Stap {number}")
        ToetsVraagFactory(stap=stap, label=f"Verplichte vraag {number}", required=number in (1, 4))
        ToetsVraagFactory(stap=stap, label=f"Open vraag {number}")
        steps.append(stap)
    return steps


def make_wiel():
    """Two goals, two activities, two legal frameworks."""
    ring = WielOnderdeel.Ring
    return {
        "doelen": [
            WielOnderdeelFactory(ring=ring.DOEL, name="Zelfredzaamheid", sort_order=0),
            WielOnderdeelFactory(ring=ring.DOEL, name="Betaald werk", sort_order=1),
        ],
        "activiteiten": [
            WielOnderdeelFactory(ring=ring.ACTIVITEIT, name="Vrijwilligerswerk", sort_order=0),
            WielOnderdeelFactory(ring=ring.ACTIVITEIT, name="Scholing", sort_order=1),
        ],
        "kaders": [
            WielOnderdeelFactory(ring=ring.KADER, name="Participatiewet", sort_order=0),
            WielOnderdeelFactory(ring=ring.KADER, name="Wmo 2015", sort_order=1),
        ],
    }


def make_scan_factors():
    """Three themes of five success factors each."""
    for t in range(3):
        thema = ScanThema.objects.create(name=f"Thema {t + 1}", sort_order=t)
        for f in range(5):
            ScanFactor.objects.create(
                thema=thema, name=f"Factor {t + 1}.{f + 1}", norm="Normstelling.", sort_order=f
            )
    return list(ScanFactor.objects.order_by("thema__sort_order", "sort_order"))
