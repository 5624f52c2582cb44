"""Draw a ChartTable as an area-proportional Euler diagram (2-3 characteristics) or an
UpSet plot (more), with matplotlib's Agg backend, to SVG or PNG."""

import io
import re
from xml.sax.saxutils import escape

import matplotlib

matplotlib.use("Agg")

from django.utils.translation import gettext as _  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib_venn import venn2, venn3  # noqa: E402

from .table import cell_key  # noqa: E402
from .text import footnote  # noqa: E402

COLOURS = ["#1b6ca8", "#d1495b", "#2e8540", "#8a5a00", "#6a3d9a", "#00798c"]
HIDDEN_COLOUR = "#bbbbbb"
INK = "#1a1a1a"
matplotlib.rcParams.update(
    {
        "svg.fonttype": "none",  # keep text as text: smaller, searchable, parseable
        "svg.hashsalt": "personas",  # stable ids, so identical charts give identical files
        "font.family": "DejaVu Sans",
        "font.size": 10,
    }
)


def _figure(width=7.2, height=5.4):
    return Figure(figsize=(width, height), dpi=100)


def _decorate(fig, table, title):
    fig.text(0.5, 0.965, title, ha="center", va="top", fontsize=12, fontweight="bold", color=INK)
    if table.dataset.is_fictional:
        fig.text(
            0.5,
            0.915,
            _("FICTIEVE GEGEVENS - geen echte cijfers"),
            ha="center",
            va="top",
            fontsize=10,
            fontweight="bold",
            color="#ffffff",
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "#a4161a", "edgecolor": "none"},
        )
    fig.text(0.5, 0.02, footnote(table), ha="center", va="bottom", fontsize=8, color="#444444")


def draw_venn(table, title):
    """Returns (figure, layout) where layout lists each circle's (code, radius, centre)."""
    fig = _figure()
    ax = fig.add_axes((0.05, 0.1, 0.9, 0.75))
    codes = table.codes
    labels = [f"{row.label}\n({row.display})" for row in table.sets()]
    bits = [
        tuple(c for i, c in enumerate(codes) if mask >> i & 1) for mask in _venn_order(len(codes))
    ]
    sizes = tuple(table.rows[cell_key(combo)].layout for combo in bits)
    draw = venn2 if len(codes) == 2 else venn3
    diagram = draw(
        subsets=sizes, set_labels=labels, ax=ax, set_colors=COLOURS[: len(codes)], alpha=0.45
    )
    for mask, combo in zip(_venn_order(len(codes)), bits, strict=True):
        label = diagram.get_label_by_id(format(mask, f"0{len(codes)}b")[::-1])
        if label is not None:
            label.set_text(table.rows[cell_key(combo)].display)
            label.set_color(INK)
    for text in diagram.set_labels or []:
        if text is not None:
            text.set_color(INK)
            text.set_fontsize(9)
    ax.set_axis_off()
    _decorate(fig, table, title)
    layout = [
        (code, float(diagram.radii[i]), (float(diagram.centers[i].x), float(diagram.centers[i].y)))
        for i, code in enumerate(codes)
    ]
    return fig, layout


def _venn_order(n):
    """matplotlib-venn's subset order as bit masks: (Ab, aB, AB) or (Abc, aBc, ABc, abC, ...)."""
    return list(range(1, 1 << n))


def draw_upset(table, title):
    codes = table.codes
    cells = [row for row in table.cells() if row.value > 0 or not row.shown]
    cells.sort(key=lambda row: -row.layout)
    combos = [tuple(row.key[5:].split("+")) for row in cells]
    # Fixed room in inches for the set bars and their labels, then one column per cell.
    width = 4.6 + 0.4 * len(cells)
    fig = _figure(width=width, height=6.0)
    left = 4.4 / width
    bars = fig.add_axes((left, 0.45, 0.97 - left, 0.38))
    matrix = fig.add_axes((left, 0.12, 0.97 - left, 0.3), sharex=bars)
    totals = fig.add_axes((0.1 / width, 0.12, 1.4 / width, 0.3), sharey=matrix)
    x = list(range(len(cells)))
    heights = [row.layout for row in cells]
    colours = [COLOURS[0] if row.shown else HIDDEN_COLOUR for row in cells]
    drawn = bars.bar(x, heights, color=colours, hatch=None)
    for patch, row in zip(drawn, cells, strict=True):
        if not row.shown:
            patch.set_hatch("//")
        bars.annotate(
            row.display,
            (patch.get_x() + patch.get_width() / 2, patch.get_height()),
            ha="center",
            va="bottom",
            fontsize=8,
            color=INK,
        )
    bars.set_ylabel(_("Precies deze combinatie"))
    bars.spines[["top", "right"]].set_visible(False)
    bars.tick_params(axis="x", bottom=False, labelbottom=False)
    for xi, combo in zip(x, combos, strict=True):
        ys = [codes.index(code) for code in combo]
        matrix.scatter([xi] * len(codes), range(len(codes)), color="#dddddd", s=40, zorder=1)
        matrix.scatter([xi] * len(ys), ys, color=INK, s=40, zorder=2)
        if len(ys) > 1:
            matrix.plot([xi, xi], [min(ys), max(ys)], color=INK, linewidth=2, zorder=2)
    matrix.set_yticks(range(len(codes)))
    matrix.set_yticklabels([])
    matrix.tick_params(axis="y", left=False)
    matrix.set_ylim(-0.6, len(codes) - 0.4)
    matrix.invert_yaxis()
    matrix.set_axis_off()
    sets = table.sets()
    totals.barh(
        range(len(codes)),
        [row.layout for row in sets],
        color=[COLOURS[1] if row.shown else HIDDEN_COLOUR for row in sets],
    )
    totals.invert_xaxis()
    totals.set_yticks(range(len(codes)))
    totals.set_yticklabels([f"{row.label} ({row.display})" for row in sets], fontsize=8)
    totals.yaxis.tick_right()
    totals.tick_params(axis="y", length=0, pad=6)
    totals.set_xlabel(_("Totaal per kenmerk"), fontsize=8)
    totals.spines[["top", "left", "right"]].set_visible(False)
    totals.tick_params(axis="x", labelsize=7)
    _decorate(fig, table, title)
    return fig, []


def draw(table, title):
    if len(table.codes) in (2, 3):
        return draw_venn(table, title)
    return draw_upset(table, title)


def to_svg(fig, title, description):
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None})
    svg = out.getvalue()
    accessible = (
        f'<title id="grafiek-titel">{escape(title)}</title>'
        f'<desc id="grafiek-beschrijving">{escape(description)}</desc>'
    )
    return re.sub(
        r"<svg\b([^>]*)>",
        lambda m: (
            f'<svg{m.group(1)} role="img" aria-labelledby="grafiek-titel '
            f'grafiek-beschrijving">{accessible}'
        ),
        svg,
        count=1,
    ).encode("utf-8")


def to_png(fig):
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=120)
    return out.getvalue()
