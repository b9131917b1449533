"""Conventions a reader with assistive technology relies on: text in the other language marked
with `lang` (and the page's language not), filter options that say different things, and
headings that do not skip a level."""

import re

import pytest

pytestmark = pytest.mark.django_db

SV_BANK = "/sv/natverk/natverket-for-arbetarskyddschefer/kunskapsbanken-for-arbetarskydd/"


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_finnish_document_titles_on_swedish_pages_are_marked_finnish(demo_site, client):
    html = html_of(client, SV_BANK)
    assert re.search(r'<a href="/documents/\d+/"[^>]* lang="fi">Päihteet työelämässä', html)
    # The name of the language is a Swedish word.
    assert re.search(r"<td[^>]*>Finska</td>", html)
    assert 'lang="fi">Finska' not in html
    # On the Finnish page the same titles are in the page's own language.
    finnish = html_of(client, "/verkostot/tyosuojelupaallikoiden-verkosto/tyosuojelun-tietopankki/")
    main = finnish[finnish.index("<main") : finnish.index("</main>")]
    assert "Päihteet työelämässä" in main and 'lang="fi"' not in main


@pytest.mark.parametrize("url", ["/verkostot/", "/sv/natverk/"])
def test_kind_filter_options_read_differently(demo_site, client, url):
    html = html_of(client, url)
    select = html[html.index('<select id="filter-kind"') : html.index("</select>")]
    labels = re.findall(r"<option[^>]*>([^<]+)</option>", select)
    assert len(labels) == len(set(labels)) > 2


@pytest.mark.parametrize("url", ["/verkostot/", "/sv/natverk/", "/verkostot/hr-verkosto/"])
def test_headings_do_not_skip_a_level(demo_site, client, url):
    html = html_of(client, url)
    main = html[html.index("<main") : html.index("</main>")]
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", main)]
    assert levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels
