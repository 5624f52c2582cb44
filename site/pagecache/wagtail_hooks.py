from wagtail import hooks

from .middleware import mark_page


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    mark_page(request, page)  # returns nothing: Wagtail serves the page as usual
