"""What feature apps add to the foundation, through Wagtail hooks.

The foundation (``site/``, import name ``leernetwerk``) knows no feature app: features
register their contributions in their own ``wagtail_hooks.py`` and the foundation asks
for them with ``wagtail.hooks.get_hooks`` (Wagtail imports every app's
``wagtail_hooks`` on the first call). Each name below says what the hook receives and
returns; ``tests/core/test_foundation.py`` proves that ``site/`` imports no feature.
"""

from dataclasses import dataclass, field

from wagtail import hooks

# fn() -> list of django.urls patterns, included at the root before Wagtail's pages.
SITE_URLS = "leernetwerk_site_urls"

# fn() -> SiteSection: a top-level section (index page under home, in the main menu).
SITE_SECTIONS = "leernetwerk_site_sections"

# fn(home, request) -> HomeSection or None: a block of cards on the home page.
HOME_SECTIONS = "leernetwerk_home_sections"

# fn(user) -> bool: the account must use two-factor authentication.
REQUIRES_TWO_FACTOR = "leernetwerk_requires_two_factor"

# fn(user) -> dict: the app's part of "download my data" (keys in Dutch).
ACCOUNT_DATA = "leernetwerk_account_data"

# fn(user) -> list of strings (may be safe HTML): what deleting the account will do.
ACCOUNT_DELETION_NOTICES = "leernetwerk_account_deletion_notices"

# fn(user) -> None: runs in the deletion's transaction, before the account is deleted.
BEFORE_ACCOUNT_DELETE = "leernetwerk_before_account_delete"


@dataclass(frozen=True)
class SiteSection:
    """A section the site skeleton creates under home (demo) and lists in the main menu."""

    model: str  # "app_label.ModelName" of a SectionIndexPage subclass
    slug: str
    title: str
    intro: str
    menu_order: int


@dataclass
class HomeSection:
    key: str  # used for the heading's id
    heading: str
    items: list = field(default_factory=list)
    empty_text: str = ""
    order: int = 50


def collect(name, *args):
    """The results of every function registered for hook ``name``."""
    return [fn(*args) for fn in hooks.get_hooks(name)]


def any_true(name, *args):
    return any(fn(*args) for fn in hooks.get_hooks(name))


# --- The network (issue 17): notifications, background tasks, page panels -------------

# fn() -> list of leernetwerk.notifications.NotificationKind: the kinds users choose
# direct / daily digest / off for, on their profile.
NOTIFICATION_KINDS = "leernetwerk_notification_kinds"

# fn() -> list of PeriodicTask: scheduled by ``celery -A leernetwerk beat``.
PERIODIC_TASKS = "leernetwerk_periodic_tasks"

# fn(page, request) -> safe HTML string or None: a panel under a Wagtail page's content
# (reactions, "this report belongs to event ..."), without the page's app knowing it.
PAGE_PANELS = "leernetwerk_page_panels"

# fn(user) -> list of (label, url): links on the profile page ("Mijn inzendingen").
PROFILE_LINKS = "leernetwerk_profile_links"

# fn() -> list of (title, url): the site's feeds, announced in every page's head.
FEEDS = "leernetwerk_feeds"


@dataclass(frozen=True)
class PeriodicTask:
    name: str  # unique, shown in the beat log
    task: str  # the Celery task's name, e.g. "agenda.send_reminders"
    schedule: object  # seconds (float) or celery.schedules.crontab


def periodic_tasks():
    return [task for tasks in collect(PERIODIC_TASKS) for task in tasks]
