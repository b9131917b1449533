"""Controlled values that people list, filter and sort by: every choice list of the networks
app, kept in one place so that models, forms, feeds and the demo all name a value the same way."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Qualifier(models.TextChoices):
    ABOUT = "about", _("about")
    OVER = "over", _("over")
    EXACTLY = "exactly", _("exactly")


class BodyKind(models.TextChoices):
    COORDINATING_GROUP = "coordinating_group", _("Coordinating group")
    DEVELOPMENT_SECTION = "development_section", _("Development section")
    NETWORK = "network", _("Network")
    ADVISORY_BOARD = "advisory_board", _("Advisory board")
    EMPLOYER_GROUP = "employer_group", _("Employer group")
    COOPERATION = "cooperation", _("Cooperation")


class BodyStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ARCHIVED = "archived", _("Archived")


class Trend(models.TextChoices):
    GROWING = "growing", _("grew")
    STABLE = "stable", _("stayed the same")
    SHRINKING = "shrinking", _("decreased slightly")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    BIMONTHLY = "bimonthly", _("About every two months")
    SPRING_AND_AUTUMN = "spring_and_autumn", _("3–4 times each spring and autumn")
    TWICE_A_YEAR = "twice_a_year", _("Twice a year")
    YEARLY = "yearly", _("Once a year")
    YEAR_ROUND = "year_round", _("Throughout the year")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    SEASON = "season", _("Season")
    YEAR = "year", _("Year")


class Season(models.TextChoices):
    SPRING = "spring", _("Spring")
    SUMMER = "summer", _("Summer")
    AUTUMN = "autumn", _("Autumn")
    WINTER = "winter", _("Winter")


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    REMOTE = "remote", _("Remote")
    HYBRID = "hybrid", _("Hybrid")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")


class MeetingType(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    WORKSHOP = "workshop", _("Workshop")
    EVENT = "event", _("Event")
    WEBINAR = "webinar", _("Webinar")
    ANNUAL_DAY = "annual_day", _("Annual current-affairs day")


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    REMOTE = "remote", _("Remote")


class MinutesStatus(models.TextChoices):
    """Whether minutes have been approved (checked) at a meeting. Whether they are published is
    Wagtail's own state (`live`); `networks.models.minutes` ties the two together."""

    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")


class MaterialType(models.TextChoices):
    MINUTES = "minutes", _("Minutes")
    PRESENTATION = "presentation", _("Presentation")
    MEMBER_LIST = "member_list", _("Member list")
    NEWSLETTER_ISSUE = "newsletter_issue", _("Newsletter issue")
    GUIDE = "guide", _("Guide")
    STATEMENT = "statement", _("Statement")
    REPORT = "report", _("Report")


class ContentLanguage(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


class MembershipRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")
    EXPERT = "expert", _("Expert")


class ApprovalStatus(models.TextChoices):
    """A document's first file waits for a publisher when someone else uploaded it."""

    APPROVED = "approved", _("Approved")
    PENDING = "pending", _("Waiting for approval")


class FileSlot(models.TextChoices):
    """Which of a document's files a version is of: the file, or its Swedish version."""

    FILE = "file", _("File")
    SWEDISH = "file_sv", _("Swedish version of the file")


class ContentKind(models.TextChoices):
    MEETINGS = "meetings", _("Meetings")
    MINUTES = "minutes", _("Minutes")
    MATERIALS = "materials", _("Materials")
    ALL = "all", _("Meetings, minutes and materials")


class ListingOrder(models.TextChoices):
    NEWEST = "newest", _("Newest first")
    OLDEST = "oldest", _("Oldest first")
    TITLE = "title", _("Title")
