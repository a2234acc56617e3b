from django.urls import path

from . import routing_views, views

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
    path("requests/<str:reference>/make-project/", views.request_make_project, name="request-make-project"),
    path("teams/<slug:slug>/queue/", views.team_queue, name="team-queue"),
    path("routing/", routing_views.rule_set_list, name="rule-set-list"),
    path("routing/<int:version>/", routing_views.rule_set_detail, name="rule-set-detail"),
    path("routing/<int:version>/copy/", routing_views.rule_set_copy, name="rule-set-copy"),
    path("routing/<int:version>/rules/new/", routing_views.rule_edit, name="rule-new"),
    path("routing/<int:version>/rules/<int:index>/", routing_views.rule_edit, name="rule-edit"),
    path("routing/<int:version>/rules/<int:index>/move/", routing_views.rule_move, name="rule-move"),
    path("routing/<int:version>/rules/<int:index>/delete/", routing_views.rule_delete, name="rule-delete"),
    path("routing/<int:version>/what-if/", routing_views.rule_set_what_if, name="rule-set-what-if"),
    path("routing/<int:version>/publish/", routing_views.rule_set_publish, name="rule-set-publish"),
]
