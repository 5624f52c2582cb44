"""URLs of the pilots app that are not Wagtail pages (full paths, included at the root)."""

app_name = "pilots"

urlpatterns: list = []
