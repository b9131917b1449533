from .bodies import (  # noqa: F401
    BodyCoOrganiser,
    BodyFigure,
    BodyIndexPage,
    BodyPage,
    MeetingSeries,
    Milestone,
    ProgrammePage,
)
from .listings import SavedListing  # noqa: F401
from .materials import (  # noqa: F401
    BaseFolderPage,
    FolderPage,
    KnowledgeBankPage,
    Material,
    MaterialVersion,
    NewsletterIssue,
    NewsletterPage,
)
from .meetings import MeetingOrganiser, MeetingPage, MeetingRegistration  # noqa: F401
from .minutes import AgendaItem, Attendance, Decision, MinutesPage  # noqa: F401
from .people import JoinRequest, Membership, Organisation, Person  # noqa: F401
from .topics import Topic  # noqa: F401
