from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("", views.home, name="home"),
    path("teams/", views.team_list, name="team-list"),
    path("teams/<slug:slug>/", views.team_detail, name="team-detail"),
    path("organisations/", views.organisation_list, name="organisation-list"),
    path("organisations/<str:code>/", views.organisation_detail, name="organisation-detail"),
]
