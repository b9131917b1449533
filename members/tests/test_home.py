"""The member's own page: their current networks only, and what is new since the last visit."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from networks.models import Material, MaterialVersion, Membership, Person
from networks.models.choices import MeetingStatus

from .helpers import add_material, add_meeting, add_minutes, in_a_month

pytestmark = pytest.mark.django_db


def main(response):
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('<main id="main"') : html.index("</main>")]


def test_anonymous_visitor_is_sent_to_log_in(client, db):
    response = client.get("/sv/mina-natverk/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sv/logga-in/?next=/sv/mina-natverk/")


@pytest.mark.parametrize(
    "language,url,own,other",
    [
        ("fi", "/omat-verkostot/", "HR-verkosto", "Työsuojelupäälliköiden verkosto"),
        ("sv", "/sv/mina-natverk/", "HR-nätverket", "Nätverket för arbetarskyddschefer"),
    ],
)
def test_member_sees_own_networks_and_not_others(
    client, hr, safety, hr_member, language, url, own, other
):
    add_meeting(hr, "HR-verkoston syyskokous", in_a_month())
    add_meeting(hr, "HR-verkoston peruttu kokous", in_a_month(), MeetingStatus.CANCELLED)
    add_meeting(safety, "Työsuojelupäälliköiden syyskokous", in_a_month())
    client.force_login(hr_member)
    html = main(client.get(url))
    assert f">{own}</a></h2>" in html
    assert other not in html
    # Upcoming meetings: planned ones of the member's own network (not yet translated: Finnish).
    assert "HR-verkoston syyskokous" in html
    assert "HR-verkoston peruttu kokous" not in html
    assert "Työsuojelupäälliköiden syyskokous" not in html
    # The membership with its role and start date.
    role = {"fi": "Jäsen", "sv": "Medlem"}[language]
    assert re.search(rf"<td>{re.escape(own)}</td>\s*<td[^>]*>{re.escape(role)}</td>", html)


def test_header_links_to_the_members_page(client, hr_member):
    client.force_login(hr_member)
    html = client.get("/sv/").content.decode()
    assert '<a href="/sv/mina-natverk/">Mina nätverk</a>' in html
    assert '<a href="/sv/losenord/byt/">Byt lösenord</a>' in html


def test_latest_minutes_of_own_network(client, hr, safety, hr_member):
    earlier = add_meeting(hr, "Maaliskuun kokous", datetime.date(2021, 3, 10), "held")
    later = add_meeting(hr, "Toukokuun kokous", datetime.date(2021, 5, 10), "held")
    add_minutes(later, "Toukokuun pöytäkirja")
    add_minutes(earlier, "Maaliskuun pöytäkirja")
    other = add_meeting(safety, "Työsuojelun kokous", datetime.date(2021, 6, 1), "held")
    add_minutes(other, "Työsuojelun pöytäkirja")
    client.force_login(hr_member)
    html = main(client.get("/omat-verkostot/"))
    assert "Toukokuun pöytäkirja</a> – Toukokuun kokous" in html
    assert "Maaliskuun pöytäkirja" not in html
    assert "Työsuojelun pöytäkirja" not in html


def test_changed_materials_appear_once(client, hr, safety, hr_member):
    client.force_login(hr_member)
    main(client.get("/omat-verkostot/"))
    add_material(hr, "Uusi HR-ohje")
    add_material(safety, "Uusi työsuojeluohje")
    second = main(client.get("/omat-verkostot/"))
    assert "Uudet ja muuttuneet aineistot edellisen käyntisi jälkeen" in second
    assert "Uusi HR-ohje" in second
    assert "Uusi työsuojeluohje" not in second
    third = main(client.get("/omat-verkostot/"))
    assert "Uusi HR-ohje" not in third
    assert "Ei uutta." in third


def test_a_replaced_file_counts_as_changed(client, hr, hr_member):
    old = Material.objects.filter(body=hr).order_by("pk").first()
    client.force_login(hr_member)
    main(client.get("/omat-verkostot/"))
    assert old.title not in main(client.get("/omat-verkostot/"))
    # Replacing the file keeps the earlier one as a version stamped with the replacement time.
    MaterialVersion.objects.create(document=old, file=ContentFile(b"vanha", name="vanha.txt"))
    assert old.title in main(client.get("/omat-verkostot/"))


def test_ended_membership_drops_the_network(client, hr, hr_member):
    membership = Membership.objects.get(person__user=hr_member, body=hr)
    membership.end_date = timezone.localdate() - datetime.timedelta(days=1)
    membership.save()
    client.force_login(hr_member)
    html = main(client.get("/omat-verkostot/"))
    assert ">HR-verkosto</a></h2>" not in html
    assert "Et ole tällä hetkellä minkään verkoston jäsen." in html
    assert "<td>HR-verkosto <span" in html and "päättynyt" in html


def test_queries_do_not_grow_with_networks_and_meetings(client, hr, safety, hr_member):
    client.force_login(hr_member)
    client.get("/omat-verkostot/")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/omat-verkostot/").status_code == 200
        return len(queries)

    one_network = count()
    person = Person.objects.get(user=hr_member, locale__language_code="fi")
    Membership.objects.create(person=person, body=safety, start_date=datetime.date(2024, 1, 1))
    for number in range(3):
        meeting = add_meeting(safety, f"Kokous {number}", in_a_month(), "held")
        add_minutes(meeting, f"Pöytäkirja {number}")
        add_meeting(hr, f"HR-kokous {number}", in_a_month())
        add_material(safety, f"Aineisto {number}")
    client.get("/omat-verkostot/")  # the site chrome is worked out again after changes
    two_networks = count()
    html = main(client.get("/omat-verkostot/"))
    assert ">Työsuojelupäälliköiden verkosto</a></h2>" in html
    assert two_networks <= one_network
