from django.urls import path

from . import views

app_name = "similarity"
urlpatterns = [
    path("similar/", views.suggestions_fragment, name="suggestions"),
    path("projects/new/similar/", views.project_create_similar, name="project-create-similar"),
    path("projects/<int:pk>/similar/<int:other_pk>/", views.judge, name="judge"),
    path("teams/<slug:slug>/duplicates/", views.team_duplicates, name="team-duplicates"),
]
