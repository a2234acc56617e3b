from django.urls import path

from . import feeds, views

app_name = "portfolio"
urlpatterns = [
    path("projects/", views.project_list, name="project-list"),
    path("projects/new/", views.project_create, name="project-create"),
    path("projects/export.<str:fmt>", views.project_export, name="project-export"),
    path("projects/<int:pk>/", views.project_detail, name="project-detail"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project-edit"),
    path("projects/<int:pk>/update/", views.project_report, name="project-update"),
    path("projects/<int:pk>/history/", views.project_history, name="project-history"),
    path("projects/<int:pk>/hand-over/", views.project_hand_over, name="project-hand-over"),
    path("projects/<int:pk>/work-together/", views.project_ask, name="project-ask"),
    path("projects/<int:pk>/work-together/<int:ask_id>/", views.project_decide, name="project-decide"),
    path("projects/<int:pk>/feed/", feeds.ProjectFeed(), name="project-feed"),
    path("organisations/<str:code>/feed/", feeds.OrganisationFeed(), name="organisation-feed"),
    path("teams/<slug:slug>/feed/", feeds.TeamFeed(), name="team-feed"),
    path("follow/<str:kind>/<str:key>/", views.follow, name="follow"),
    path("following/", views.following, name="following"),
    path("following/<int:pk>/stop/", views.follow_stop, name="follow-stop"),
]
