"""`{{ path|absolute_url }}`: an address on the site's public address (SITE_URL) in templates,
for links that leave the site (e-mails, canonical and hreflang links, structured data)."""

from django import template

from networks import addresses

register = template.Library()


@register.filter
def absolute_url(address):
    return addresses.absolute_url(address)
