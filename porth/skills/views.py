"""Training pages: the catalogue, courses, sessions, booking, the waiting list, attendance, certificates and
reports. Each view parses, asks the permission helper, calls a service and renders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from porth.core.language import active_language
from porth.directory.models import Organisation

from . import reports, services
from .forms import (
    AttendanceForm,
    BookForm,
    CatalogueFilterForm,
    ColleagueBookForm,
    CourseForm,
    ReportFilterForm,
    SessionCancelForm,
    SessionForm,
    errors_from,
    provider_choices,
)
from .ics import calendar_file, calendar_filename
from .models import Booking, BookingState, Course
from .permissions import (
    administered_organisations,
    booking_get_for_user,
    booking_organisations,
    bookings_of,
    colleagues_of,
    course_get_for_user,
    may_add_courses,
    may_see_reports,
    providers_for,
    report_bookings_for_user,
    session_get_for_user,
)
from .queries import catalogue as catalogue_query
from .queries import courses_filtered, providers_with_courses

PAGE_SIZE = 20


def _post(request):
    return request.POST if request.method == "POST" else None


# --------------------------------------------------------------------------------------------- catalogue


def catalogue(request):
    now = timezone.now()
    form = CatalogueFilterForm(request.GET or None, providers=providers_with_courses())
    courses, status = catalogue_query(now), 200
    if form.is_bound and form.is_valid():
        courses = courses_filtered(courses, form.cleaned_data, now)
    elif form.is_bound:
        courses, status = courses.none(), 400
    page = Paginator(courses, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page_obj": page, "may_add": may_add_courses(request.user)}
    return render(request, "skills/catalogue.html", context, status=status)


def course_detail(request, pk):
    course, access = course_get_for_user(request.user, pk)
    now = timezone.now()
    sessions = course.sessions.with_places().select_related("trainer")
    mine = {}
    if request.user.is_authenticated:
        mine = {b.session_id: b for b in Booking.objects.filter(session__course=course, person=request.user)}
    context = {
        "course": course,
        "access": access,
        "upcoming": list(sessions.upcoming(now)),
        "past": list(sessions.filter(starts_at__lte=now).order_by("-starts_at")[:20])
        if access.manage
        else [],
        "cancelled": list(sessions.filter(state="cancelled", starts_at__gt=now)) if access.manage else [],
        "mine": mine,
    }
    return render(request, "skills/course_detail.html", context)


def _course_form_page(request, course):
    teams, organisations = providers_for(request.user)
    initial = CourseForm.initial_for(course) if course else {"level": "awareness", "role_family": "any"}
    if len(teams) + len(organisations) == 1 and not course:
        initial["provider"] = provider_choices(teams, organisations)[0][0]
    form = CourseForm(_post(request), providers=provider_choices(teams, organisations), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        related = {
            "audiences": data["audiences"],
            "programme_items": data["programme_items"],
            "standards": data["standards"],
        }
        try:
            if course is None:
                course = services.course_create(user=request.user, fields=form.course_fields(), **related)
                messages.success(request, _("The course is in the catalogue. Add its sessions below."))
            else:
                services.course_update(
                    course=course, user=request.user, fields=form.course_fields(), **related
                )
                messages.success(request, _("Your changes have been saved."))
            return redirect(course.get_absolute_url())
        except ValidationError as error:
            errors_from(form, error, {"provider_team": "provider"})
    return render(request, "skills/course_form.html", {"form": form, "course": course})


@login_required
def course_create(request):
    if not may_add_courses(request.user):
        raise PermissionDenied
    return _course_form_page(request, None)


@login_required
def course_edit(request, pk):
    course, access = course_get_for_user(request.user, pk)
    if not access.manage:
        raise PermissionDenied
    return _course_form_page(request, course)


# --------------------------------------------------------------------------------------------- sessions


@login_required
def session_create(request, pk):
    course, access = course_get_for_user(request.user, pk)
    if not access.manage:
        raise PermissionDenied
    if course.is_external:
        raise Http404
    form = SessionForm(_post(request), initial={"offer_hours": 48, "mode": "online"})
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(course=course, user=request.user, fields=form.session_fields())
        except ValidationError as error:
            errors_from(form, error, SessionForm.FIELDS)
        else:
            messages.success(request, _("The session has been added. People can book it now."))
            return redirect(session.get_absolute_url())
    return render(request, "skills/session_form.html", {"form": form, "course": course, "session": None})


@login_required
def session_edit(request, pk):
    session, access = session_get_for_user(request.user, pk)
    if not access.manage:
        raise PermissionDenied
    form = SessionForm(_post(request), initial=SessionForm.initial_for(session))
    if request.method == "POST" and form.is_valid():
        try:
            services.session_update(session=session, user=request.user, fields=form.session_fields())
        except ValidationError as error:
            errors_from(form, error, SessionForm.FIELDS)
        else:
            messages.success(
                request, _("Your changes have been saved. Anyone with a place has been sent the new details.")
            )
            return redirect(session.get_absolute_url())
    context = {"form": form, "course": session.course, "session": session}
    return render(request, "skills/session_form.html", context)


def session_detail(request, pk):
    session, access = session_get_for_user(request.user, pk)
    mine = None
    if request.user.is_authenticated:
        mine = Booking.objects.filter(session=session, person=request.user).first()
    people = []
    if access.mark_attendance:
        people = list(
            session.bookings.exclude(state__in=[BookingState.CANCELLED, BookingState.EXPIRED])
            .select_related("person", "organisation")
            .order_by("state", "waiting_since", "booked_at", "pk")
        )
    context = {
        "session": session,
        "course": session.course,
        "access": access,
        "mine": mine,
        "people": people,
        "open": session.booking_open(),
        "started": session.has_started(),
    }
    return render(request, "skills/session_detail.html", context)


@login_required
def session_cancel(request, pk):
    session, access = session_get_for_user(request.user, pk)
    if not access.manage:
        raise PermissionDenied
    form = SessionCancelForm(_post(request))
    if request.method == "POST" and form.is_valid():
        try:
            told = services.session_cancel(session=session, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_from(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The session has been cancelled. We have e-mailed the %(count)s person on it.",
                    "The session has been cancelled. We have e-mailed the %(count)s people on it.",
                    told,
                )
                % {"count": told},
            )
            return redirect(session.course.get_absolute_url())
    return render(request, "skills/session_cancel.html", {"form": form, "session": session})


@login_required
def session_attendance(request, pk):
    session, access = session_get_for_user(request.user, pk)
    if not access.mark_attendance:
        raise PermissionDenied
    booked = session.bookings.filter(state=BookingState.BOOKED).select_related("person", "organisation")
    form = AttendanceForm(_post(request), bookings=booked.order_by("person__full_name", "pk"))
    if request.method == "POST" and (request.POST.get("all") or form.is_valid()):
        try:
            if request.POST.get("all"):
                services.attendance_mark_all(session=session, user=request.user)
            else:
                services.attendance_mark(session=session, user=request.user, marks=form.marks())
        except services.BookingRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(
                request, _("Attendance has been saved. People marked present can download a certificate.")
            )
            return redirect("skills:session-attendance", pk=session.pk)
    context = {"form": form, "session": session, "started": session.has_started()}
    return render(request, "skills/session_attendance.html", context)


# -------------------------------------------------------------------------------------------- booking


def _book_page(request, session, form, template, book):
    """Shared by booking for yourself and for a colleague: `book(data, waiting)` calls the service."""
    full = session.places_left(session.taken) == 0
    if request.method == "POST" and form.is_valid():
        try:
            booking = book(form.cleaned_data, request.POST.get("waiting_list") == "yes")
        except services.SessionFull as refusal:
            form.add_error(None, refusal.message)
            full = True
        except services.BookingRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            if booking.state == BookingState.BOOKED:
                messages.success(
                    request, _("The place is booked. We have e-mailed the details and a calendar file.")
                )
            else:
                messages.success(
                    request,
                    _(
                        "You are on the waiting list, at number %(position)s. "
                        "If a place comes free, we will e-mail an offer."
                    )
                    % {"position": booking.waiting_position()},
                )
            return redirect(booking.get_absolute_url())
    context = {
        "session": session,
        "course": session.course,
        "form": form,
        "full": full,
        "open": session.booking_open(),
    }
    return render(request, template, context, status=400 if form.errors else 200)


@login_required
def session_book(request, pk):
    session, access = session_get_for_user(request.user, pk)
    if not access.book:
        return render(request, "skills/no_organisation.html", {"session": session}, status=403)
    mine = Booking.objects.filter(session=session, person=request.user).first()
    if mine and mine.is_active:
        return redirect(mine.get_absolute_url())
    organisations = booking_organisations(request.user)
    audiences = session.course.audiences
    initial = {"organisation": organisations[0].code if len(organisations) == 1 else None}
    initial["audience"] = audiences[0] if len(audiences) == 1 else None
    form = BookForm(_post(request), organisations=organisations, audiences=audiences, initial=initial)

    def book(data, waiting):
        return services.booking_create(
            session=session,
            person=request.user,
            booked_by=request.user,
            organisation=data["organisation"],
            audience=data["audience"],
            needs=data["needs"],
            join_waiting_list=waiting,
        )

    return _book_page(request, session, form, "skills/session_book.html", book)


@login_required
def session_book_colleague(request, pk):
    session, access = session_get_for_user(request.user, pk)
    if not access.book_for_colleague:
        raise PermissionDenied
    colleagues = colleagues_of(request.user)
    organisations = administered_organisations(request.user)
    audiences = session.course.audiences
    initial = {"organisation": organisations[0].code if len(organisations) == 1 else None}
    initial["audience"] = audiences[0] if len(audiences) == 1 else None
    form = ColleagueBookForm(
        _post(request),
        organisations=organisations,
        audiences=audiences,
        colleagues=colleagues,
        initial=initial,
    )

    def book(data, waiting):
        return services.booking_create(
            session=session,
            person=data["person"],
            booked_by=request.user,
            organisation=data["organisation"],
            audience=data["audience"],
            needs=data["needs"],
            join_waiting_list=waiting,
        )

    return _book_page(request, session, form, "skills/session_book_colleague.html", book)


@login_required
def my_bookings(request):
    now = timezone.now()
    bookings = list(
        bookings_of(request.user)
        .exclude(state=BookingState.EXPIRED, session__starts_at__lte=now)
        .select_related("session__course", "organisation")
        .order_by("session__starts_at", "pk")
    )
    to_come = [b for b in bookings if b.session.starts_at > now]
    context = {
        "offers": [b for b in to_come if b.state == BookingState.OFFERED],
        "booked": [b for b in to_come if b.state == BookingState.BOOKED],
        "waiting": [b for b in to_come if b.state == BookingState.WAITING],
        "past": [
            b for b in reversed(bookings) if b.session.starts_at <= now and b.state == BookingState.BOOKED
        ][:50],
        "training": request.user.training_sessions.upcoming(now).select_related("course").with_places()[:50],
    }
    return render(request, "skills/my_bookings.html", context)


@login_required
def booking_detail(request, pk):
    booking, access = booking_get_for_user(request.user, pk)
    context = {
        "booking": booking,
        "session": booking.session,
        "course": booking.session.course,
        "access": access,
        "position": booking.waiting_position(),
        "started": booking.session.has_started(),
    }
    return render(request, "skills/booking_detail.html", context)


@login_required
def booking_cancel(request, pk):
    booking, access = booking_get_for_user(request.user, pk)
    if not access.cancel:
        raise PermissionDenied
    error = None
    if request.method == "POST":
        try:
            services.booking_cancel(booking=booking, user=request.user)
        except services.BookingRefused as refusal:
            error = refusal.message
        else:
            messages.success(request, _("The booking has been cancelled. We have e-mailed a confirmation."))
            return redirect(booking.get_absolute_url())
    context = {"booking": booking, "session": booking.session, "error": error}
    return render(request, "skills/booking_cancel.html", context, status=400 if error else 200)


@login_required
@require_POST
def booking_accept(request, pk):
    booking, access = booking_get_for_user(request.user, pk)
    if not access.accept:
        raise PermissionDenied
    try:
        services.offer_accept(booking=booking, user=request.user)
    except services.BookingRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The place is yours. We have e-mailed the details and a calendar file."))
    return redirect(booking.get_absolute_url())


@login_required
def booking_calendar(request, pk):
    booking, _access = booking_get_for_user(request.user, pk)
    if booking.state != BookingState.BOOKED:
        raise Http404
    content = calendar_file(booking, method="PUBLISH", language=active_language())
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{calendar_filename(booking)}"'
    return response


@login_required
def booking_certificate(request, pk):
    booking, access = booking_get_for_user(request.user, pk)
    if not access.certificate:
        raise Http404
    return render(request, "skills/certificate.html", {"booking": booking, "session": booking.session})


# ---------------------------------------------------------------------------------------------- reports


def _report_scope(request):
    """The report's filter form and the bookings it counts, or a 403 for people with no reports to see."""
    if not may_see_reports(request.user):
        raise PermissionDenied
    scope = report_bookings_for_user(request.user)
    organisations = Organisation.objects.filter(pk__in=scope.values("organisation"))
    starts, ends = reports.financial_year(timezone.localdate())
    form = ReportFilterForm(
        request.GET or None, organisations=organisations, initial={"starts": starts, "ends": ends}
    )
    if form.is_bound and not form.is_valid():
        return form, None, starts, ends
    data = form.cleaned_data if form.is_bound else {}
    starts, ends = (data.get("starts"), data.get("ends")) if form.is_bound else (starts, ends)
    bookings = reports.in_period(scope, starts, ends)
    if data.get("organisation"):
        bookings = bookings.filter(organisation=data["organisation"])
    if data.get("language"):
        bookings = bookings.filter(session__language=data["language"])
    if data.get("course"):
        bookings = bookings.filter(session__course_id=data["course"])
    return form, bookings, starts, ends


@login_required
def report(request):
    form, bookings, starts, ends = _report_scope(request)
    if bookings is None:
        return render(request, "skills/report.html", {"form": form}, status=400)
    breakdowns = {name: reports.breakdown_rows(bookings, name) for name in reports.BREAKDOWNS}
    context = {
        "form": form,
        "breakdowns": breakdowns,
        "totals": reports.totals(breakdowns["organisation"]),
        "welsh": reports.welsh_figures(bookings, starts, ends),
        "starts": starts,
        "ends": ends,
        "query": request.GET.urlencode(),
        "course": Course.objects.filter(pk=form.cleaned_data.get("course")).first()
        if form.is_bound
        else None,
    }
    return render(request, "skills/report.html", context)


@login_required
def report_csv(request, breakdown):
    if breakdown not in {*reports.BREAKDOWNS, "bookings", "welsh-language"}:
        raise Http404
    form, bookings, starts, ends = _report_scope(request)
    if bookings is None:
        return render(request, "skills/report.html", {"form": form}, status=400)
    if breakdown == "bookings":
        return reports.bookings_csv(bookings)
    if breakdown == "welsh-language":
        return reports.welsh_csv(reports.welsh_figures(bookings, starts, ends))
    return reports.breakdown_csv(reports.breakdown_rows(bookings, breakdown), breakdown)
