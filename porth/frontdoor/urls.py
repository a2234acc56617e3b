from django.urls import path

from . import views

app_name = "frontdoor"
urlpatterns = [
    path("ask/", views.start, name="start"),
    path("ask/check/", views.check, name="check"),
    path("ask/<slug:slug>/", views.step, name="step"),
    path("requests/", views.my_requests, name="my-requests"),
    path("requests/<str:reference>/", views.request_detail, name="request-detail"),
    path("requests/<str:reference>/sent/", views.confirmation, name="request-confirmation"),
    path("requests/<str:reference>/status/", views.request_status, name="request-status"),
    path("requests/<str:reference>/redirect/", views.request_redirect, name="request-redirect"),
    path("requests/<str:reference>/message/", views.request_message, name="request-message"),
    path("requests/<str:reference>/keep/", views.request_keep, name="request-keep"),
    path("requests/<str:reference>/pass/", views.request_pass_to_overlap, name="request-pass"),
    path("requests/<str:reference>/make-project/", views.request_make_project, name="request-make-project"),
    path("teams/<slug:slug>/queue/", views.team_queue, name="team-queue"),
    # What a draft rule set would change is read from the requests the front door has routed.
    path("routing/<int:version>/what-if/", views.rule_set_what_if, name="rule-set-what-if"),
]
