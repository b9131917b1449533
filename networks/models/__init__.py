"""The networks app's models, one module per concept; every model is importable from here.

bodies       the programme and its bodies, their figures, meeting series and milestones
meetings     meetings, their co-organising bodies and members' registrations
minutes      a meeting's minutes: agenda items, decisions and attendance
documents    documents (`Material`) and their other files (`MaterialVersion`)
folders      folders and knowledge banks that list documents
newsletters  a body's newsletter and its issues
listings     saved listings: stored queries that pages show
people       people, organisations, memberships and requests to join
topics       the vocabulary documents and listings are tagged with
choices      every choice list (TextChoices) of the app
"""

from .bodies import (  # noqa: F401
    BodyCoOrganiser,
    BodyFigure,
    BodyIndexPage,
    BodyPage,
    MeetingSeries,
    Milestone,
    ProgrammePage,
)
from .documents import Material, MaterialVersion  # noqa: F401
from .folders import BaseFolderPage, FolderPage, KnowledgeBankPage  # noqa: F401
from .listings import SavedListing  # noqa: F401
from .meetings import MeetingOrganiser, MeetingPage, MeetingRegistration  # noqa: F401
from .minutes import AgendaItem, Attendance, Decision, MinutesPage  # noqa: F401
from .newsletters import NewsletterIssue, NewsletterPage  # noqa: F401
from .people import JoinRequest, Membership, Organisation, Person  # noqa: F401
from .topics import Topic  # noqa: F401
