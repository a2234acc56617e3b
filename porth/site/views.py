from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from porth.core import limits

from .forms import FeedbackForm
from .health import health
from .models import Feedback
from .work import work_for


@never_cache
def healthz(request):
    """200 with a JSON body when the database, the background worker and the e-mail queue are well; 503
    with what is wrong otherwise (for load balancers and operators)."""
    status, body = health()
    return JsonResponse(body, status=status)


@limits.limited(limits.FEEDBACK)
def feedback(request):
    """Tell us what you think: stored for site administrators to read in the admin."""
    form = FeedbackForm(request.POST or None, initial={"page": request.GET.get("from", "")})
    if request.method == "POST" and form.is_valid():
        Feedback.objects.create(
            **form.cleaned_data,
            language=get_language(),
            user=request.user if request.user.is_authenticated else None,
        )
        return redirect("site:feedback-sent")
    return render(request, "site/feedback.html", {"form": form})


def feedback_sent(request):
    return render(request, "site/feedback_sent.html")


@login_required
def your_work(request):
    """What is waiting for the signed-in person: their teams' queues, actions, stale projects, reviews and
    bookings, each linking to the page where it is done."""
    return render(request, "site/your_work.html", {"work": work_for(request.user)})
