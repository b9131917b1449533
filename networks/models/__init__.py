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
from .meetings import (  # noqa: F401
    AgendaItem,
    Attendance,
    Decision,
    MeetingOrganiser,
    MeetingPage,
    MeetingRegistration,
    MinutesPage,
)
from .people import JoinRequest, Membership, Organisation, Person  # noqa: F401
from .topics import Topic  # noqa: F401
