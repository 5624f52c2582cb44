"""Keeps plan content out of logs and error reports.

Three layers, because any one of them can be bypassed by code we do not own:
- while a plan view runs, every log record (any logger, any handler, also e-mail
  and pytest's capture) loses its arguments and exception value;
- an exception escaping a plan view is replaced by a content-free ``PlanViewError``
  after its traceback (code lines only, no values) is logged;
- the request carries an exception-report filter that hides all POST data and
  every frame variable.
"""

import contextvars
import functools
import logging
import traceback

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.views.debug import SafeExceptionReporterFilter

logger = logging.getLogger("plans")
HIDDEN = "[verborgen: toekomstplan]"
_in_plan_view = contextvars.ContextVar("in_plan_view", default=False)


class PlanViewError(RuntimeError):
    """Stands in for an error in a plan view; its message never holds plan data."""


def content_free_traceback(exc):
    """The traceback's frames and code lines, with the exception value left out."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    return f"Traceback (most recent call last):\n{frames}{type(exc).__name__}: {HIDDEN}"


class PlanExceptionReporterFilter(SafeExceptionReporterFilter):
    def is_active(self, request):
        return True

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]


def _sanitise(record):
    if record.name == "plans":
        return record  # our own messages are written to be content-free
    record.msg = f"{record.name}: {record.levelname.lower()} {HIDDEN}"
    record.args = ()
    if record.exc_info and record.exc_info[1] is not None:
        record.exc_text = content_free_traceback(record.exc_info[1])
    record.exc_info = None
    return record


def install_log_record_factory():
    """Wrap the global record factory once (called from AppConfig.ready)."""
    current = logging.getLogRecordFactory()
    if getattr(current, "plans_containment", False):
        return

    def factory(*args, **kwargs):
        record = current(*args, **kwargs)
        if _in_plan_view.get():
            return _sanitise(record)
        return record

    factory.plans_containment = True
    logging.setLogRecordFactory(factory)


def contain(view):
    """Decorator for every view that touches plan data."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        request.exception_reporter_filter = PlanExceptionReporterFilter()
        token = _in_plan_view.set(True)
        try:
            return view(request, *args, **kwargs)
        except (Http404, PermissionDenied):
            raise
        except Exception as exc:
            failure = type(exc).__name__
            logger.error(
                "Fout in toekomstplanweergave %s:\n%s", view.__name__, content_free_traceback(exc)
            )
        finally:
            _in_plan_view.reset(token)
        # Raised outside the except block, so the original error is not even its context.
        raise PlanViewError(f"{failure} in {view.__name__}")

    return wrapper
