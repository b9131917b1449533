import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """The page cache and the login counters live in the cache: every test starts without."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hr(demo_site):
    from networks.models import BodyPage

    return BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")


@pytest.fixture
def safety(demo_site):
    from networks.models import BodyPage

    return BodyPage.objects.get(slug="tyosuojelupaallikoiden-verkosto", locale__language_code="fi")


@pytest.fixture
def hr_member(demo_site, django_user_model):
    return django_user_model.objects.get(username="jasen-hr")


@pytest.fixture
def safety_member(demo_site, django_user_model):
    return django_user_model.objects.get(username="jasen-tyosuojelu")
