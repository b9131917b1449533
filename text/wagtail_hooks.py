from wagtail import hooks

from .slugs import slug_from_title

hooks.register("before_create_page", slug_from_title)
