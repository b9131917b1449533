"""Members' e-mail alerts: one message per member when their network publishes minutes for the
first time or adds a document, only to members who asked and who may open the item.

Sent after the transaction commits, so nothing goes out for a change that was rolled back.
Documents added during one request (a bulk upload saves each file on its own) are collected
and announced in one message per member and body when the request ends.
Alerts go to current members only: a term that has ended ends the alerts too.
"""

import threading
from collections import defaultdict

from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from access.readers import Reader
from access.visibility import visible_documents, visible_pages
from networks.addresses import absolute_url
from networks.approval import document_approved
from networks.models import BodyPage, Material, Membership, MinutesPage
from networks.signals import stored_material
from networks.translations import in_language

from .mail import build_message, localized_reverse, send_all
from .models import MemberAlert, forget_alerts
from .tokens import alert_off_token


@receiver(page_published, sender=MinutesPage)
def minutes_published(sender, instance, **kwargs):
    """Only the first publication of minutes in any language is news. The publish being
    signalled is logged after the signal, so any logged publish is an earlier one."""
    earlier = PageLogEntry.objects.filter(
        page__translation_key=instance.translation_key, action="wagtail.publish"
    )
    if not earlier.exists():
        transaction.on_commit(lambda: announce_minutes(instance.pk))


@receiver(post_save, sender=Material)
def material_added(sender, instance, created, **kwargs):
    """A document is news to a body when it is added to it (also when its owning body is set
    only after the file was uploaded). The row before the save was read by networks.signals."""
    previous_body_id = (stored_material(instance) or {}).get("body_id")
    if instance.body_id and previous_body_id is None:
        transaction.on_commit(lambda: queue_material(instance.pk))


@receiver(document_approved)
def material_approved(sender, document, **kwargs):
    """A document that waited for a publisher reaches its members when it is approved: before
    that only editors saw it, so no alert went out."""
    if document.body_id:
        queue_material(document.pk)


@receiver(post_save, sender=MemberAlert)
@receiver(post_delete, sender=MemberAlert)
def alert_switched(sender, instance, **kwargs):
    forget_alerts(instance.user_id)


_collected = threading.local()


@receiver(request_started)
def start_collecting(**kwargs):
    _collected.material_ids = []


@receiver(request_finished)
def send_collected(**kwargs):
    ids = getattr(_collected, "material_ids", None)
    _collected.material_ids = None
    if ids:
        announce_materials(ids)


def queue_material(material_id):
    """Collect while a request runs; outside one (commands, the shell) announce at once."""
    pending = getattr(_collected, "material_ids", None)
    if pending is None:
        announce_materials([material_id])
    else:
        pending.append(material_id)


def recipients(body_keys):
    """The alerts of current, active members of these bodies who have an e-mail address."""
    members = set(
        Membership.objects.current()
        .filter(body__translation_key__in=body_keys, person__user__is_active=True)
        .exclude(person__user__email="")
        .values_list("person__user", flat=True)
    )
    seen = set()
    for alert in (
        MemberAlert.objects.filter(body__translation_key__in=body_keys, user__in=members)
        .select_related("user", "body")
        .order_by("pk")
    ):
        if alert.user_id not in seen:
            seen.add(alert.user_id)
            yield alert


def localized_body(body, language):
    bodies = list(BodyPage.objects.filter(translation_key=body.translation_key).live())
    return in_language(bodies, language) or body


def alert_message(alert, template, context):
    unsubscribe = absolute_url(
        localized_reverse(alert.language, "alert_off", alert_off_token(alert))
    )
    context = {
        **context,
        "body": localized_body(alert.body, alert.language),
        "manage_url": absolute_url(localized_reverse(alert.language, "member_alerts")),
    }
    return build_message(alert.user.email, alert.language, template, context, unsubscribe)


def announce_minutes(minutes_id):
    minutes = MinutesPage.objects.filter(pk=minutes_id).first()
    if minutes is None or not minutes.live:
        return
    meeting = minutes.get_parent().specific
    keys = {meeting.get_parent().translation_key}
    keys |= set(meeting.organisers.values_list("body__translation_key", flat=True))
    translations = MinutesPage.objects.filter(translation_key=minutes.translation_key)
    messages = []
    for alert in recipients(keys):
        visible = list(
            visible_pages(Reader.member(alert.user), translations).select_related("locale")
        )
        page = in_language(visible, alert.language)
        if page is None:
            continue
        meeting = page.get_parent().specific
        with translation.override(alert.language):
            context = {"minutes": page, "meeting": meeting, "url": absolute_url(page.get_url())}
        messages.append(alert_message(alert, "alert_minutes", context))
    send_all(messages)


def announce_materials(material_ids):
    """One message per member and body, listing the body's new documents the member may open."""
    by_body = defaultdict(list)
    for material in Material.objects.filter(pk__in=material_ids).select_related("body"):
        if material.body is not None:
            by_body[material.body.translation_key].append(material)
    messages = []
    for body_key, materials in by_body.items():
        ids = [material.pk for material in materials]
        for alert in recipients({body_key}):
            visible = set(
                visible_documents(
                    Reader.member(alert.user), Material.objects.filter(pk__in=ids)
                ).values_list("pk", flat=True)
            )
            if not visible:
                continue
            with translation.override(alert.language):
                items = [material_context(m) for m in materials if m.pk in visible]
            context = {"materials": items, "title": items[0]["title"], "count": len(items)}
            messages.append(alert_message(alert, "alert_material", context))
    send_all(messages)


def material_context(material):
    """What the message says of a document, in the active language."""
    return {
        "title": material.display_title,
        "description": material.display_description,
        "material_type": material.get_material_type_display() if material.material_type else "",
        "url": absolute_url(material.url),
    }
