from django.urls import path

from . import views

app_name = "standards"
urlpatterns = [
    path("standards/", views.library, name="library"),
    path("good-practice/", views.case_study_list, name="case-studies"),
    path("good-practice/add/", views.case_study_create, name="case-study-create"),
    path("good-practice/<slug:slug>/", views.case_study_detail, name="case-study"),
    path("good-practice/<slug:slug>/edit/", views.case_study_edit, name="case-study-edit"),
    path("standards/<slug:slug>/", views.framework_detail, name="framework"),
    path("standards/<slug:slug>/<int:number>/", views.standard_detail, name="standard"),
    path("projects/<int:pk>/reviews/", views.project_reviews, name="project-reviews"),
    path("reviews/<int:pk>/", views.review_detail, name="review"),
    path("reviews/<int:pk>/standards/<int:number>/", views.review_standard, name="review-standard"),
    path("reviews/<int:pk>/send/", views.review_submit, name="review-submit"),
    path("reviews/<int:pk>/peer/<int:number>/", views.peer_standard, name="peer-standard"),
    path("reviews/<int:pk>/peer/finish/", views.peer_complete, name="peer-complete"),
    path("reviews/<int:pk>/summary/", views.review_summary, name="summary"),
    path("actions/<int:pk>/done/", views.action_done, name="action-done"),
    path("teams/<slug:slug>/actions/", views.team_actions, name="team-actions"),
]
