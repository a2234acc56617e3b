import datetime
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Count, When, prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from porth.accounts.permissions import memberships, organisations_to_ask_for
from porth.core.csvfiles import csv_response
from porth.core.language import active_language
from porth.directory.models import Organisation
from porth.portfolio.models import ProjectUpdate
from porth.portfolio.permissions import project_access, projects_visible_to

from . import queries, services
from .capacity import ONE_WEEK, week_of, weeks_between
from .forms import (
    BookingForm,
    CancelForm,
    DeclineForm,
    EngagementBookingForm,
    EngagementForm,
    LeaveForm,
    SpecialistFilterForm,
    SpecialistForm,
    SpecialistRequestChangeForm,
    SpecialistRequestForm,
    UtilisationForm,
    WithdrawForm,
)
from .models import Booking, EngagementState, Leave, Pool, Specialist, SpecialistRequest
from .permissions import (
    booking_get_for_user,
    engagement_get_for_user,
    engagements_visible_to,
    pool_get_for_manager,
    pools_managed_by,
    specialist_get_for_user,
    specialist_request_get_for_user,
    specialist_requests_visible_to,
    specialists_visible_to,
)

PAGE_SIZE = 25
AVAILABILITY_WEEKS = 12
FRONT_DOOR_REFERENCE = re.compile(r"^PORTH-\d{6,12}$")
ACTIVE = (SpecialistRequest.Status.OPEN, SpecialistRequest.Status.WAITING, SpecialistRequest.Status.OFFERED)


def _post(request):
    return request.POST if request.method == "POST" else None


def _form_page(request, template: str, context: dict):
    """A page with a form: 400 when what was sent has errors, so that tools and tests see the refusal."""
    return render(request, template, context, status=400 if context["form"].errors else 200)


def _page(request, items, size=PAGE_SIZE):
    return Paginator(items, size).get_page(request.GET.get("page"))


def _errors_to(form, error: ValidationError) -> None:
    """Put a service's error on the form: on its field when the form has it, else at the top."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


# ---------------------------------------------------------------------------------------------- home


def home(request):
    managed = pools_managed_by(request.user)
    counts = dict(
        SpecialistRequest.objects.filter(pool__in=managed, status__in=ACTIVE)
        .values_list("pool")
        .annotate(n=Count("id"))
    )
    context = {
        "pools": Pool.objects.select_related("team", "programme_item"),
        "managed": [(pool, counts.get(pool.pk, 0)) for pool in managed],
        "specialist": Specialist.objects.filter(user=request.user).first()
        if request.user.is_authenticated
        else None,
        "engagements": engagements_visible_to(request.user).current().select_related("pool")[:5],
    }
    return render(request, "capability/home.html", context)


# ---------------------------------------------------------------------------------------------- requests


def _request_initial(request) -> dict:
    """Answers carried in from a project page or the front door: ?organisation=, ?project=, ?from=."""
    initial = {}
    asking = organisations_to_ask_for(request.user)
    code = request.GET.get("organisation") or ""
    mine = list(Organisation.objects.filter(pk__in=memberships(request.user).organisations)[:2])
    if code and asking.filter(code=code).exists():
        initial["organisation"] = code
    elif len(mine) == 1:
        initial["organisation"] = mine[0].code
    chosen = Organisation.objects.filter(code=initial.get("organisation")).first()
    if chosen:
        pool = next(
            (p for p in Pool.objects.select_related("team") if chosen.sector in p.team.serves_sectors), None
        )
        initial["pool"] = pool.slug if pool else None
    if request.GET.get("project", "").isdigit():
        initial["project"] = request.GET["project"]
    return initial


def _front_door_reference(request) -> str:
    reference = request.POST.get("from") or request.GET.get("from") or ""
    return reference if FRONT_DOOR_REFERENCE.match(reference) else ""


@login_required
def request_new(request):
    if not organisations_to_ask_for(request.user).exists():
        return render(request, "capability/no_organisation.html", status=403)
    form = SpecialistRequestForm(_post(request), user=request.user, initial=_request_initial(request))
    if request.method == "POST" and form.is_valid():
        try:
            specialist_request = services.specialist_request_raise(
                user=request.user,
                skills=form.cleaned_data["skills"],
                language=active_language(),
                front_door_reference=_front_door_reference(request),
                **form.request_fields(),
            )
        except ValidationError as error:
            _errors_to(form, error)
        except services.RequestNotAllowed:
            form.add_error(
                "organisation", _("Choose an organisation you work for, or one your leadership team serves")
            )
        else:
            return redirect("capability:request-sent", reference=specialist_request.reference)
    context = {"form": form, "front_door_reference": _front_door_reference(request)}
    return render(request, "capability/request_form.html", context, status=400 if form.errors else 200)


@login_required
def request_sent(request, reference):
    specialist_request, _access = specialist_request_get_for_user(request.user, reference)
    return render(request, "capability/request_sent.html", {"specialist_request": specialist_request})


@login_required
def request_list(request):
    requests = specialist_requests_visible_to(request.user).select_related("organisation", "role", "pool")
    return render(request, "capability/request_list.html", {"page_obj": _page(request, requests)})


@login_required
def request_detail(request, reference):
    specialist_request, access = specialist_request_get_for_user(request.user, reference)
    bookings = specialist_request.bookings.select_related("specialist__role", "organisation").order_by(
        "-created_at"
    )
    context = {
        "specialist_request": specialist_request,
        "access": access,
        "bookings": bookings,
        "weeks": len(weeks_between(specialist_request.starts_on, specialist_request.ends_on)),
    }
    return render(request, "capability/request_detail.html", context)


@login_required
def request_edit(request, reference):
    specialist_request, access = specialist_request_get_for_user(request.user, reference)
    if not access.change:
        raise PermissionDenied
    initial = {
        "role": specialist_request.role.slug,
        "skills": [s.slug for s in specialist_request.skills.all()],
        "days_per_week": f"{specialist_request.days_per_week.normalize():f}",
        "starts_on": specialist_request.starts_on,
        "ends_on": specialist_request.ends_on,
        "project": specialist_request.project_id,
        "welsh_needed": "yes" if specialist_request.welsh_needed else "no",
        "what_for": specialist_request.what_for,
    }
    form = SpecialistRequestChangeForm(_post(request), user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.specialist_request_update(
                request=specialist_request,
                user=request.user,
                fields=form.cleaned_data,
                skills=form.cleaned_data["skills"],
            )
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(
                request, _("Your changes have been saved. The old version is kept in the history.")
            )
            return redirect(specialist_request.get_absolute_url())
    return _form_page(
        request, "capability/request_edit.html", {"form": form, "specialist_request": specialist_request}
    )


@login_required
def request_withdraw(request, reference):
    specialist_request, access = specialist_request_get_for_user(request.user, reference)
    if not access.withdraw:
        raise PermissionDenied
    form = WithdrawForm(_post(request))
    if request.method == "POST" and form.is_valid():
        services.specialist_request_withdraw(
            request=specialist_request, user=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("The request has been withdrawn and the pool has been told."))
        return redirect(specialist_request.get_absolute_url())
    return _form_page(
        request, "capability/request_withdraw.html", {"form": form, "specialist_request": specialist_request}
    )


@login_required
def request_decline(request, reference):
    specialist_request, access = specialist_request_get_for_user(request.user, reference)
    if not access.manage:
        raise PermissionDenied
    form = DeclineForm(_post(request))
    if request.method == "POST" and form.is_valid():
        services.specialist_request_decline(
            request=specialist_request, user=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("The request has been declined and the organisation has been told why."))
        return redirect("capability:pool-queue", slug=specialist_request.pool.slug)
    return _form_page(
        request, "capability/request_decline.html", {"form": form, "specialist_request": specialist_request}
    )


@login_required
def request_matches(request, reference):
    specialist_request, access = specialist_request_get_for_user(request.user, reference)
    if not access.manage:
        raise PermissionDenied
    matches = queries.matches_for(specialist_request)
    page = _page(request, matches, size=20)
    # Where the people shown come from, read for the page only: hundreds are ranked, twenty shown.
    prefetch_related_objects([m.specialist for m in page], "home_team", "home_organisation")
    context = {
        "specialist_request": specialist_request,
        "page_obj": page,
        "fitting": sum(1 for m in matches if m.fits),
        "weeks": queries.request_weeks(specialist_request),
    }
    return render(request, "capability/request_matches.html", context)


def _over_capacity_context(problem: services.OverCapacity) -> dict:
    return {"short_weeks": problem.weeks, "short_days": problem.days, "short_specialist": problem.specialist}


@login_required
def request_book(request, reference, specialist_id):
    specialist_request, access = specialist_request_get_for_user(request.user, reference)
    if not access.manage:
        raise PermissionDenied
    specialist = get_object_or_404(
        Specialist.objects.select_related("role"), pk=specialist_id, pool=specialist_request.pool
    )
    initial = {
        "first_week": max(specialist_request.starts_on, services.this_week()),
        "last_week": specialist_request.ends_on,
        "days_per_week": f"{specialist_request.days_per_week.normalize():f}",
    }
    form = BookingForm(_post(request), initial=initial)
    context = {"form": form, "specialist_request": specialist_request, "specialist": specialist}
    if request.method == "POST" and form.is_valid():
        target = services.BookingFor(organisation=specialist_request.organisation, request=specialist_request)
        try:
            booking = services.booking_make(
                specialist=specialist,
                user=request.user,
                target=target,
                wait_if_full=request.POST.get("wait") == "1",
                **form.cleaned_data,
            )
        except services.OverCapacity as problem:
            context.update(_over_capacity_context(problem), can_wait=True)
        except ValidationError as error:
            _errors_to(form, error)
        else:
            _booked_message(request, booking)
            return redirect(booking.get_absolute_url())
    status = 400 if form.errors or "short_weeks" in context else 200
    return render(request, "capability/booking_form.html", context, status=status)


def _booked_message(request, booking: Booking) -> None:
    if booking.status == Booking.Status.WAITING:
        messages.success(
            request,
            _(
                "The booking is on the waiting list, unconfirmed. It will be offered first when the days "
                "free up."
            ),
        )
    else:
        messages.success(
            request, _("The booking is confirmed. The organisation and the specialist have been told.")
        )


# ---------------------------------------------------------------------------------------------- pools


@login_required
def pool_queue(request, slug):
    pool = pool_get_for_manager(request.user, slug)
    status = request.GET.get("status", "")
    requests = pool.requests.select_related("organisation", "role", "requested_by")
    if status in SpecialistRequest.Status.values:
        requests = requests.filter(status=status)
    else:
        status, requests = "", requests.filter(status__in=ACTIVE)
    # What was offered when capacity freed comes first, to be confirmed; then the oldest request first.
    offered_first = Case(When(status=SpecialistRequest.Status.OFFERED, then=0), default=1)
    requests = requests.order_by(offered_first, "created_at", "id")
    context = {
        "pool": pool,
        "page_obj": _page(request, requests),
        "status": status,
        "statuses": SpecialistRequest.Status.choices,
    }
    return render(request, "capability/pool_queue.html", context)


def _utilisation_options(request) -> tuple[UtilisationForm, dict]:
    """The form, always bound (the defaults fill what the address leaves out), and the options it gives."""
    data = request.GET.copy()
    for key, value in {"by": "specialist", "every": "week", "weeks": str(AVAILABILITY_WEEKS)}.items():
        data.setdefault(key, value)
    form = UtilisationForm(data)
    options = {
        "by": "specialist",
        "start": services.this_week(),
        "weeks": AVAILABILITY_WEEKS,
        "every": "week",
    }
    if form.is_valid():
        options.update({k: v for k, v in form.cleaned_data.items() if v})
    options["start"] = week_of(options["start"])
    return form, options


@login_required
def pool_utilisation(request, slug):
    pool = pool_get_for_manager(request.user, slug)
    form, options = _utilisation_options(request)
    if not form.is_valid():
        return render(request, "capability/utilisation.html", {"pool": pool, "form": form}, status=400)
    table = queries.utilisation(pool=pool, **options)
    context = {
        "pool": pool,
        "form": form,
        "table": table,
        "options": options,
        "page_obj": _page(request, table.rows, size=50),
        "query": request.GET.urlencode(),
    }
    return render(request, "capability/utilisation.html", context)


@login_required
def pool_utilisation_csv(request, slug):
    pool = pool_get_for_manager(request.user, slug)
    form, options = _utilisation_options(request)
    if not form.is_valid():
        return render(request, "capability/utilisation.html", {"pool": pool, "form": form}, status=400)
    table = queries.utilisation(pool=pool, **options)
    header = ["group", "key", "period_start", "available_days", "booked_days", "utilisation_percent"]
    filename = f"porth-utilisation-{pool.slug}-{options['by']}.csv"
    return csv_response(header, _utilisation_csv_rows(table), filename)


def _utilisation_csv_rows(table: queries.Utilisation):
    """One row per group and period; days as plain decimals ("2.5", not "2.50")."""
    for row in table.rows:
        for period, cell in zip(table.periods, row.cells, strict=True):
            available = "" if cell.available is None else f"{cell.available.normalize():f}"
            percent = "" if cell.percent is None else cell.percent
            yield [
                row.label,
                row.key,
                period.start.isoformat(),
                available,
                f"{cell.booked.normalize():f}",
                percent,
            ]


# ---------------------------------------------------------------------------------------------- specialists


def _filtered_specialists(form: SpecialistFilterForm, specialists):
    if not (form.is_bound and form.is_valid()):
        return specialists
    data = form.cleaned_data
    if data["q"]:
        specialists = specialists.filter(full_name__icontains=data["q"])
    if data["pool"]:
        specialists = specialists.filter(pool=data["pool"])
    if data["role"]:
        specialists = specialists.filter(role=data["role"])
    if data["skill"]:
        specialists = specialists.filter(skills=data["skill"])
    if data["welsh"]:
        specialists = specialists.filter(welsh_level__gte=3)
    return specialists


@login_required
def specialist_list(request):
    visible = specialists_visible_to(request.user).in_pool_on(
        services.this_week() + datetime.timedelta(days=4)
    )
    form = SpecialistFilterForm(request.GET or None)
    specialists = _filtered_specialists(form, visible).select_related(
        "pool", "role", "home_team", "home_organisation"
    )
    page = _page(request, specialists.prefetch_related("skills"))
    weeks = [services.this_week() + ONE_WEEK * n for n in range(4)]
    managed = {p.pk for p in pools_managed_by(request.user)}
    free = services.availability([s for s in page if s.pool_id in managed], weeks)
    context = {"form": form, "page_obj": page, "weeks": weeks, "free": free, "can_add": bool(managed)}
    return render(request, "capability/specialist_list.html", context, status=400 if form.errors else 200)


@login_required
def specialist_new(request):
    pools = Pool.objects.filter(pk__in=[p.pk for p in pools_managed_by(request.user)])
    if not pools.exists():
        raise PermissionDenied
    initial = {"pool": pools[0].slug if pools.count() == 1 else None, "joined_on": services.this_week()}
    form = SpecialistForm(_post(request), pools=pools, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            specialist = services.specialist_create(
                user=request.user, fields=form.specialist_fields(), skills=form.cleaned_data["skills"]
            )
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(request, _("The specialist has been added to the pool."))
            return redirect(specialist.get_absolute_url())
    return _form_page(request, "capability/specialist_form.html", {"form": form, "specialist": None})


def _weeks_from(request) -> datetime.date:
    try:
        start = datetime.date.fromisoformat(request.GET.get("from", ""))
    except ValueError:
        start = services.this_week()
    return week_of(start)


@login_required
def specialist_detail(request, pk):
    specialist, access = specialist_get_for_user(request.user, pk)
    context = {"specialist": specialist, "access": access}
    if access.details:
        start = _weeks_from(request)
        weeks = [start + ONE_WEEK * n for n in range(AVAILABILITY_WEEKS)]
        bookings = specialist.bookings.active().filter(last_week__gte=services.this_week())
        context.update(
            weeks=services.availability([specialist], weeks)[specialist.pk],
            earlier=start - ONE_WEEK * AVAILABILITY_WEEKS,
            later=start + ONE_WEEK * AVAILABILITY_WEEKS,
            bookings=bookings.select_related("organisation", "request", "engagement").order_by(
                "first_week", "id"
            ),
            leave=specialist.leave.filter(ends_on__gte=services.this_week()),
        )
    return render(request, "capability/specialist_detail.html", context)


@login_required
def specialist_edit(request, pk):
    specialist, access = specialist_get_for_user(request.user, pk)
    if not access.manage:
        raise PermissionDenied
    pools = Pool.objects.filter(pk__in=[p.pk for p in pools_managed_by(request.user)])
    form = SpecialistForm(_post(request), pools=pools, initial=SpecialistForm.initial_for(specialist))
    if request.method == "POST" and form.is_valid():
        try:
            services.specialist_update(
                specialist=specialist,
                user=request.user,
                fields=form.specialist_fields(),
                skills=form.cleaned_data["skills"],
            )
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(
                request, _("Your changes have been saved. The old version is kept in the history.")
            )
            return redirect(specialist.get_absolute_url())
    return _form_page(request, "capability/specialist_form.html", {"form": form, "specialist": specialist})


@login_required
def leave_new(request, pk):
    specialist, access = specialist_get_for_user(request.user, pk)
    if not access.manage:
        raise PermissionDenied
    form = LeaveForm(_post(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.leave_add(specialist=specialist, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(request, _("The leave has been recorded."))
            return redirect(specialist.get_absolute_url())
    return _form_page(request, "capability/leave_form.html", {"form": form, "specialist": specialist})


@login_required
def leave_remove(request, pk, leave_id):
    specialist, access = specialist_get_for_user(request.user, pk)
    if not access.manage:
        raise PermissionDenied
    leave = get_object_or_404(Leave, pk=leave_id, specialist=specialist)
    if request.method == "POST":
        offered = services.leave_remove(leave=leave, user=request.user)
        messages.success(request, _offered_message(offered) or _("The leave has been removed."))
        return redirect(specialist.get_absolute_url())
    return render(request, "capability/leave_remove.html", {"leave": leave, "specialist": specialist})


def _offered_message(offered: list[Booking]) -> str:
    if not offered:
        return ""
    return ngettext(
        "Done. The days freed have been offered to %(count)s waiting booking first.",
        "Done. The days freed have been offered to %(count)s waiting bookings first.",
        len(offered),
    ) % {"count": len(offered)}


@login_required
def my_bookings(request):
    specialist = Specialist.objects.filter(user=request.user).first()
    if specialist is None:
        return render(request, "capability/not_a_specialist.html")
    return redirect(specialist.get_absolute_url())


# ---------------------------------------------------------------------------------------------- bookings


@login_required
def booking_detail(request, pk):
    booking, access = booking_get_for_user(request.user, pk)
    history = booking.history.select_related("history_user").order_by("history_date", "history_id")
    context = {"booking": booking, "access": access, "history": history}
    return render(request, "capability/booking_detail.html", context)


@login_required
def booking_cancel(request, pk):
    booking, access = booking_get_for_user(request.user, pk)
    if not access.manage:
        raise PermissionDenied
    form = CancelForm(_post(request))
    if request.method == "POST" and form.is_valid():
        offered = services.booking_cancel(
            booking=booking, user=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _offered_message(offered) or _("The booking has been cancelled."))
        return redirect(booking.get_absolute_url())
    return _form_page(request, "capability/booking_cancel.html", {"form": form, "booking": booking})


@login_required
@require_POST
def booking_answer(request, pk):
    """Take up an offer made when capacity freed, or let it go to the next in line."""
    booking, access = booking_get_for_user(request.user, pk)
    if not access.answer_offer:
        raise PermissionDenied
    try:
        if request.POST.get("answer") == "confirm":
            services.booking_confirm(booking=booking, user=request.user)
            messages.success(
                request, _("The booking is confirmed. The organisation and the specialist have been told.")
            )
        else:
            offered = services.booking_let_go(booking=booking, user=request.user)
            messages.success(request, _offered_message(offered) or _("The offer has been let go."))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(
        request.POST.get("next")
        if str(request.POST.get("next", "")).startswith("/")
        else booking.get_absolute_url()
    )


# ---------------------------------------------------------------------------------------------- engagements


def engagement_list(request):
    engagements = (
        engagements_visible_to(request.user).select_related("pool").prefetch_related("organisations")
    )
    state = request.GET.get("state", "")
    today = timezone.localdate()
    if state == EngagementState.UNDER_WAY:
        engagements = engagements.current()
    elif state == EngagementState.PLANNED:
        engagements = engagements.filter(starts_on__gt=today)
    elif state == EngagementState.FINISHED:
        engagements = engagements.filter(ends_on__lt=today)
    else:
        state = ""
    pool = request.GET.get("pool", "")
    if pool:
        engagements = engagements.filter(pool__slug=pool)
    context = {
        "page_obj": _page(request, engagements),
        "state": state,
        "pool": pool,
        "states": EngagementState.choices,
        "pools": Pool.objects.all(),
        "can_add": bool(pools_managed_by(request.user)),
    }
    return render(request, "capability/engagement_list.html", context)


def _engagement_initial(request, pools) -> dict:
    initial = {"phase": "discovery", "visibility": "public", "starts_on": services.this_week()}
    if len(pools) == 1:
        initial["pool"] = pools[0].slug
    project_id = request.GET.get("project", "")
    project = (
        projects_visible_to(request.user).filter(pk=project_id).first() if project_id.isdigit() else None
    )
    if project:
        initial.update(project_1=project.pk, organisation_1=project.owner_organisation.code)
    return initial


@login_required
def engagement_new(request):
    managed = pools_managed_by(request.user)
    if not managed:
        raise PermissionDenied
    pools = Pool.objects.filter(pk__in=[p.pk for p in managed])
    form = EngagementForm(
        _post(request), user=request.user, pools=pools, initial=_engagement_initial(request, managed)
    )
    if request.method == "POST" and form.is_valid():
        try:
            engagement = services.engagement_create(
                user=request.user,
                fields=form.engagement_fields(),
                organisations=form.organisations(),
                projects=form.projects(),
            )
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(request, _("The engagement has been recorded."))
            return redirect(engagement.get_absolute_url())
    return _form_page(request, "capability/engagement_form.html", {"form": form, "engagement": None})


def engagement_detail(request, pk):
    engagement, access = engagement_get_for_user(request.user, pk)
    projects = list(
        projects_visible_to(request.user, engagement.projects.all()).select_related("owner_organisation")
    )
    updates = ProjectUpdate.objects.filter(project__in=projects).select_related("project", "author")[:20]
    squad = (
        engagement.bookings.active().select_related("specialist__role", "organisation").order_by("first_week")
    )
    context = {
        "engagement": engagement,
        "access": access,
        "projects": [(p, project_access(request.user, p).report) for p in projects],
        "updates": updates,
        "squad": squad,
        "language": active_language(),
    }
    return render(request, "capability/engagement_detail.html", context)


@login_required
def engagement_edit(request, pk):
    engagement, access = engagement_get_for_user(request.user, pk)
    if not access.change:
        raise PermissionDenied
    pools = Pool.objects.filter(pk__in=[p.pk for p in pools_managed_by(request.user)])
    form = EngagementForm(
        _post(request), user=request.user, pools=pools, initial=EngagementForm.initial_for(engagement)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.engagement_update(
                engagement=engagement,
                user=request.user,
                fields=form.engagement_fields(),
                organisations=form.organisations(),
                projects=form.projects(),
            )
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(
                request, _("Your changes have been saved. The old version is kept in the history.")
            )
            return redirect(engagement.get_absolute_url())
    return _form_page(request, "capability/engagement_form.html", {"form": form, "engagement": engagement})


@login_required
def engagement_book(request, pk):
    engagement, access = engagement_get_for_user(request.user, pk)
    if not access.change:
        raise PermissionDenied
    specialists = engagement.pool.specialists.in_pool_on(services.this_week()).select_related("role")
    initial = {"first_week": max(engagement.starts_on, services.this_week()), "last_week": engagement.ends_on}
    if engagement.organisations.count() == 1:
        initial["organisation"] = engagement.organisations.get().code
    form = EngagementBookingForm(
        _post(request), engagement=engagement, specialists=specialists, initial=initial
    )
    context = {"form": form, "engagement": engagement}
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        target = services.BookingFor(organisation=data.pop("organisation"), engagement=engagement)
        try:
            services.booking_make(user=request.user, target=target, **data)
        except services.OverCapacity as problem:
            context.update(_over_capacity_context(problem), can_wait=False)
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(request, _("The specialist is booked for the squad."))
            return redirect(engagement.get_absolute_url())
    status = 400 if form.errors or "short_weeks" in context else 200
    return render(request, "capability/booking_form.html", context, status=status)


# ---------------------------------------------------------------------------------------------- history


def _history(request, obj, title, back):
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[:50])
    changes = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        delta = newer.diff_against(older) if older else None
        changes.append({"record": newer, "changes": delta.changes if delta else [], "created": older is None})
    fields = {f.name: f.verbose_name for f in type(obj)._meta.get_fields() if hasattr(f, "verbose_name")}
    context = {"object": obj, "title": title, "back": back, "changes": changes, "field_names": fields}
    return render(request, "capability/history.html", context)


@login_required
def specialist_history(request, pk):
    specialist, access = specialist_get_for_user(request.user, pk)
    if not access.details:
        raise PermissionDenied
    return _history(request, specialist, specialist.full_name, specialist.get_absolute_url())


@login_required
def request_history(request, reference):
    specialist_request, _access = specialist_request_get_for_user(request.user, reference)
    return _history(
        request, specialist_request, specialist_request.reference, specialist_request.get_absolute_url()
    )


def engagement_history(request, pk):
    engagement, _access = engagement_get_for_user(request.user, pk)
    return _history(request, engagement, str(engagement.title), engagement.get_absolute_url())
