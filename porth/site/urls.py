from django.urls import path

from . import views

app_name = "site"
urlpatterns = [
    path("your-work/", views.your_work, name="your-work"),
    path("feedback/", views.feedback, name="feedback"),
    path("feedback/sent/", views.feedback_sent, name="feedback-sent"),
]
