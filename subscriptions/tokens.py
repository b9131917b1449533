"""Signed links: a confirmation link expires, unsubscribe links work without login for good.

The salts keep one kind of link from being used as another.
"""

import datetime

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "subscriptions.confirm"
UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"
ALERT_OFF_SALT = "subscriptions.alert-off"


def confirm_max_age():
    return getattr(settings, "SUBSCRIPTION_CONFIRM_MAX_AGE", datetime.timedelta(days=7))


def confirm_token(subscription):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(
        {"id": subscription.pk, "nonce": subscription.nonce}
    )


def read_confirm_token(token):
    """The signed data; raises SignatureExpired after the time limit, BadSignature if tampered."""
    return signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(
        token, max_age=confirm_max_age()
    )


def read_expired_confirm_token(token):
    """An expired link's data, to offer the same subscription again; None if not genuine."""
    try:
        return signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(token)
    except signing.BadSignature:
        return None


def unsubscribe_token(subscription):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object(
        {"newsletter": subscription.newsletter_id, "email": subscription.email}
    )


def read_unsubscribe_token(token):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)


def alert_off_token(alert):
    return signing.Signer(salt=ALERT_OFF_SALT).sign_object(
        {"user": alert.user_id, "body": str(alert.body.translation_key)}
    )


def read_alert_off_token(token):
    return signing.Signer(salt=ALERT_OFF_SALT).unsign_object(token)
