"""Find the demo's pages at test time: through the API (/api/v2/pages/?type=…&locale=…), the
links the site itself shows (decision register, join form, header links) and the forms it
offers (search), instead of a list of hard-coded slugs."""

import json
import re
from urllib.parse import urlencode, urlparse

LANGUAGES = ("fi", "sv")
# Words that find something in each language's demo content.
SEARCH_WORDS = {"fi": "verkosto", "sv": "nätverk"}
# Pages a visitor sees only when logged in, and who can see them.
MEMBER = "jasen-hr"


class DemoPages:
    """Paths of one page of each type, per language; asked once, then remembered."""

    def __init__(self, site_url, anonymous_request, member_request):
        self.site_url = site_url
        self.requests = {None: anonymous_request, MEMBER: member_request}
        self._cache = {}

    # ---------------------------------------------------------------- the API

    def api_pages(self, page_type, lang, user=None, **filters):
        # Ordered by id (the order load_demo made them in): the same pages on every database.
        params = {"type": page_type, "locale": lang, "fields": "html_url", "limit": 50}
        params.update(order="id", **filters)
        url = f"{self.site_url}/api/v2/pages/?{urlencode(params)}"
        response = self.requests[user].get(url)
        assert response.status == 200, f"GET {url} -> {response.status}"
        return json.loads(response.body())["items"]

    def api_page(self, page_type, lang, user=None, **filters):
        items = self.api_pages(page_type, lang, user, **filters)
        assert items, f"the demo has no {page_type} in {lang} (filters {filters})"
        return items[0]

    @staticmethod
    def path(item):
        return urlparse(item["meta"]["html_url"]).path

    # ---------------------------------------------------------------- HTML links

    def links(self, path, user=None):
        response = self.requests[user].get(self.site_url + path)
        assert response.status == 200, f"GET {path} -> {response.status}"
        return re.findall(r'<a [^>]*href="([^"#?]+)"', response.text())

    def link_on(self, path, pattern, user=None):
        found = [href for href in self.links(path, user) if re.search(pattern, href)]
        assert found, f"no link matching {pattern!r} on {path}"
        return urlparse(found[0]).path

    # ---------------------------------------------------------------- page kinds

    def network(self, lang):
        index = self.api_page("networks.BodyIndexPage", lang)
        return self.api_page("networks.BodyPage", lang, child_of=index["id"])

    def resolve(self, kind, lang):
        """(path, user who opens it or None) of a page of this kind in this language."""
        key = (kind, lang)
        if key not in self._cache:
            self._cache[key] = self._resolve(kind, lang)
        return self._cache[key]

    def _resolve(self, kind, lang):
        by_type = {
            "home": "home.HomePage",
            "standard": "home.StandardPage",
            "accessibility-statement": "home.AccessibilityStatementPage",
            "programme": "networks.ProgrammePage",
            "body-index": "networks.BodyIndexPage",
            "folder": "networks.FolderPage",
            "knowledge-bank": "networks.KnowledgeBankPage",
            "newsletter": "networks.NewsletterPage",
        }
        if kind in by_type:
            return self.path(self.api_page(by_type[kind], lang)), None
        network = self.network(lang)
        network_path = self.path(network)
        if kind == "network":
            return network_path, None
        if kind == "meeting":
            meeting = self.api_page("networks.MeetingPage", lang, descendant_of=network["id"])
            return self.path(meeting), None
        if kind == "minutes":
            minutes = self.api_page("networks.MinutesPage", lang, MEMBER)
            return self.path(minutes), MEMBER
        if kind == "decision-register":
            # The body page's own route, linked from the body page.
            pattern = rf"^{re.escape(network_path)}(paatokset|beslut)/$"
            return self.link_on(network_path, pattern), None
        if kind == "join-request":
            # The join form's address is the body's id under the language's own path.
            return self.link_on(network_path, rf"/{network['id']}/$"), None
        home = self.path(self.api_page("home.HomePage", lang))
        if kind == "search":
            form_action = self.search_action(home)
            return f"{form_action}?{urlencode({'q': SEARCH_WORDS[lang]})}", None
        if kind == "search-no-results":
            # Only members' material has the word: a visitor gets the page that helps, with a
            # filter to drop and the login hint.
            form_action = self.search_action(home)
            return f"{form_action}?{urlencode({'q': 'Kaisaniemi', 'year': '1999'})}", None
        if kind == "login":
            return self._header_link(home, "login"), None
        if kind in ("member-home", "password-change"):
            return self._header_link(home, kind, MEMBER), MEMBER
        if kind == "not-found":
            return f"{home}ei-tallaista-sivua-{lang}/", None
        raise ValueError(kind)

    def search_action(self, home):
        response = self.requests[None].get(self.site_url + home)
        match = re.search(r'<form class="search-form"[^>]*action="([^"]+)"', response.text())
        assert match, f"no search form in the header of {home}"
        return match.group(1)

    def _header_link(self, home, kind, user=None):
        response = self.requests[user].get(self.site_url + home)
        html = response.text()
        if kind == "login":
            match = re.search(r'<a class="account" href="([^"]+)"', html)
            assert match, f"no login link in the header of {home}"
            return match.group(1)
        account = re.search(r'<form class="account".*?</form>', html, re.S)
        assert account, f"{user} is not logged in on {home}"
        hrefs = re.findall(r'<a href="([^"]+)"', account.group(0))
        # The logged-in header links to the member's home first, then to the password change.
        return hrefs[0] if kind == "member-home" else hrefs[1]


KINDS = [
    "home",
    "standard",
    "accessibility-statement",
    "programme",
    "body-index",
    "network",
    "meeting",
    "minutes",
    "folder",
    "knowledge-bank",
    "newsletter",
    "decision-register",
    "search",
    "search-no-results",
    "login",
    "member-home",
    "join-request",
    "password-change",
    "not-found",
]
