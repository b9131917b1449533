"""Files wait for a publisher, as pages do.

Wagtail's approval workflow covers pages, not documents, so documents have their own:

- A document added by someone without `networks.publish_material` (`access.publishing`) waits
  (`ApprovalStatus.PENDING`): it sits in the editors' collection, so only editors open, find or
  list it, until a publisher approves it; then it takes its folder's audience.
- A file replaced by such a person waits as a pending version: the document keeps serving,
  listing, indexing and feeding its approved file until a publisher approves the new one.
- A publisher's own uploads and replacements are approved at once.
- Every file keeps who uploaded it and who approved it; a replaced file stays in the version
  history with both, and with who replaced it and when.

Code paths without a person (the demo, commands, bulk imports) make approved documents: the
rule is about people who may not publish."""

import hashlib
import logging
import os

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone

from access.publishing import may_publish_documents

from .models import Material, MaterialVersion
from .models.choices import ApprovalStatus, FileSlot

logger = logging.getLogger(__name__)

# Sent when a document's first file is approved: until then nobody but editors saw it, so
# this is when it becomes news (subscriptions.alerts).
document_approved = Signal()


def may_approve(user):
    return user is not None and may_publish_documents(user)


def mark_new(document, user):
    """A document about to be added by `user`: approved if they may publish, waiting if not."""
    document.file_uploaded_by = user if user is not None and user.is_authenticated else None
    if user is None or may_approve(user):
        document.approval = ApprovalStatus.APPROVED
        document.approved_by = document.file_uploaded_by
        document.approved_at = timezone.now()
    else:
        document.approval = ApprovalStatus.PENDING


def replacement_waits(document, user):
    """Whether a file that `user` puts on an approved document waits for a publisher. A
    document that was never approved has no public file to protect: its file is just changed."""
    return (
        document.approval == ApprovalStatus.APPROVED and user is not None and not may_approve(user)
    )


def _read(field_file):
    with field_file.open("rb") as handle:
        return handle.read()


def keep_as_version(document, slot, replaced_by):
    """Keep the document's current file in `slot` in its history before it is replaced. A file
    already missing from storage cannot be kept; the replacement goes ahead all the same."""
    current = getattr(document, slot)
    if not current:
        return None
    try:
        data = _read(current)
    except OSError:
        logger.warning("Not kept as a version, missing from storage: %s", current.name)
        return None
    is_main = slot == FileSlot.FILE
    return MaterialVersion.objects.create(
        document=document,
        slot=slot,
        file=ContentFile(data, name=os.path.basename(current.name)),
        file_size=len(data),
        file_hash=document.file_hash if is_main else "",
        created_by=replaced_by,
        uploaded_by=document.file_uploaded_by if is_main else None,
        approved_by=document.approved_by if is_main else None,
        approved_at=document.approved_at if is_main else None,
    )


def wait_for_approval(document, slot, name, data, uploaded_by):
    """A new file for `slot` that waits for a publisher; the document keeps its approved one."""
    return MaterialVersion.objects.create(
        document=document,
        slot=slot,
        pending=True,
        file=ContentFile(data, name=os.path.basename(name)),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),  # Wagtail's document hash
        uploaded_by=uploaded_by,
    )


def pending_versions(document):
    return document.versions.filter(pending=True).order_by("-created_at", "-pk")


def awaiting_approval():
    """Documents with something for a publisher to approve: a first file or a new one."""
    return (
        Material.objects.filter(Q(approval=ApprovalStatus.PENDING) | Q(versions__pending=True))
        .distinct()
        .select_related("folder", "file_uploaded_by")
        .order_by("-created_at")
    )


@transaction.atomic
def approve(document, user):
    """Make what waits on `document` live: its first file, and the newest waiting file of
    each slot (older waiting ones are dropped)."""
    newly = document.approval == ApprovalStatus.PENDING
    for slot in (FileSlot.FILE, FileSlot.SWEDISH):
        waiting = list(pending_versions(document).filter(slot=slot))
        if not waiting:
            continue
        newest, dropped = waiting[0], waiting[1:]
        keep_as_version(document, slot, replaced_by=user)
        previous = getattr(document, slot)
        previous_name = previous.name if previous else None
        getattr(document, slot).save(
            os.path.basename(newest.file.name), ContentFile(_read(newest.file)), save=False
        )
        if slot == FileSlot.FILE:
            document.file_size = newest.file_size
            document._set_file_hash()
            document.file_uploaded_by = newest.uploaded_by
        for version in [newest, *dropped]:
            version.file.delete(save=False)
            version.delete()
        if previous_name:
            getattr(document, slot).storage.delete(previous_name)
    document.approval = ApprovalStatus.APPROVED
    document.approved_by = user
    document.approved_at = timezone.now()
    document.save()
    if newly:
        transaction.on_commit(lambda: document_approved.send(sender=Material, document=document))


def discard(version):
    """Drop a file that waits for approval; the document keeps what it had."""
    version.file.delete(save=False)
    version.delete()
