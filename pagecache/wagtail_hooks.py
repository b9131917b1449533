from wagtail import hooks

from .middleware import mark_page


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    """Only a Wagtail page outside every view restriction may go into the page cache."""
    mark_page(page, request)
