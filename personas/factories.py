"""Factories and builders for persona tests and benchmarks."""

from itertools import combinations

import factory

from .models import Dataset, Kenmerk


class KenmerkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kenmerk
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"K{n}")
    label = factory.Sequence(lambda n: f"Kenmerk {n}")


class DatasetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dataset

    name = factory.Sequence(lambda n: f"Dataset {n}")
    slug = factory.Sequence(lambda n: f"dataset-{n}")
    year = 2024
    source = "Testbron"
    region_level = Dataset.Level.GEMENGD
    is_fictional = True


def intersections(cells, codes):
    """'At least these' counts from exclusive cells {tuple of codes: count}."""
    result = {}
    for size in range(len(codes) + 1):
        for combo in combinations(sorted(codes), size):
            result[combo] = sum(n for cell, n in cells.items() if set(combo) <= set(cell))
    return result


def csv_from_cells(regions, codes):
    """CSV text in the import format for {region code: {exclusive combo: count}}."""
    lines = ["regio,kenmerken,aantal"]
    for region, cells in regions.items():
        for combo, count in intersections(cells, codes).items():
            lines.append(f"{region},{'+'.join(combo) or 'totaal'},{count}")
    return "\n".join(lines) + "\n"
