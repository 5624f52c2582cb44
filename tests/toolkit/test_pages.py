from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from leernetwerk.core.factories import add_page
from toolkit.models import ToolPage


def _tool(parent, title, **fields):
    return add_page(
        parent,
        ToolPage,
        title=title,
        what="<p>Een wiel met drie ringen.</p>",
        for_whom="<p>Voor gemeenten.</p>",
        how_to="<p>Vul per doel een score in.</p>",
        **fields,
    )


def test_tool_page_shows_what_for_whom_how_and_start_link(client, tool_index):
    page = _tool(tool_index, "Participatiewiel", tool=ToolPage.Tool.PARTICIPATIEWIEL)
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    for text in ("Wat is het?", "Een wiel met drie ringen.", "Voor wie?", "Zo gebruikt u het"):
        assert text in html
    assert "/hulpmiddelen/participatiewiel/invullen/" in html


def test_tool_page_without_tool_has_no_start_link(client, tool_index):
    page = _tool(tool_index, "Achtergrond")
    assert "Aan de slag" not in client.get(page.url).content.decode()


def test_tool_index_lists_tool_pages(client, tool_index):
    _tool(tool_index, "Omgekeerde toets", tool=ToolPage.Tool.OMGEKEERDE_TOETS)
    response = client.get(tool_index.url)
    assert "Omgekeerde toets" in response.content.decode()


def test_tool_page_only_allowed_under_the_tool_index():
    assert ToolPage.parent_page_types == ["toolkit.ToolIndexPage"]
    assert Page in ToolPage.__mro__


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_tool_index_query_count_does_not_grow(client, tool_index):
    for i in range(2):
        _tool(tool_index, f"Hulpmiddel {i}")
    _count(client, tool_index.url)  # warm the site/settings caches
    few = _count(client, tool_index.url)
    for i in range(2, 10):
        _tool(tool_index, f"Hulpmiddel {i}")
    assert _count(client, tool_index.url) == few
