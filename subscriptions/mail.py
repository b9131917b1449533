"""Every message we send names its unsubscribe link in the text and in the List-Unsubscribe
header (RFC 8058 one-click), in the recipient's language."""

from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def localized_reverse(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def build_message(recipient, language, template, context, unsubscribe_url):
    """The subject and text from `<template>_subject.txt` and `<template>.txt`, rendered in the
    recipient's language with `unsubscribe_url` in the context."""
    context = {**context, "unsubscribe_url": unsubscribe_url}
    with translation.override(language):
        subject = render_to_string(f"subscriptions/email/{template}_subject.txt", context)
        body = render_to_string(f"subscriptions/email/{template}.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[recipient],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


def send_all(messages):
    if messages:
        get_connection().send_messages(messages)
