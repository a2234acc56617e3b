from django.urls import path

from . import views

app_name = "skills"
urlpatterns = [
    path("training/", views.catalogue, name="catalogue"),
    path("training/courses/new/", views.course_create, name="course-create"),
    path("training/courses/<int:pk>/", views.course_detail, name="course-detail"),
    path("training/courses/<int:pk>/edit/", views.course_edit, name="course-edit"),
    path("training/courses/<int:pk>/sessions/new/", views.session_create, name="session-create"),
    path("training/sessions/<int:pk>/", views.session_detail, name="session-detail"),
    path("training/sessions/<int:pk>/edit/", views.session_edit, name="session-edit"),
    path("training/sessions/<int:pk>/cancel/", views.session_cancel, name="session-cancel"),
    path("training/sessions/<int:pk>/book/", views.session_book, name="session-book"),
    path(
        "training/sessions/<int:pk>/book-for-a-colleague/",
        views.session_book_colleague,
        name="session-book-colleague",
    ),
    path("training/sessions/<int:pk>/attendance/", views.session_attendance, name="session-attendance"),
    path("training/bookings/", views.my_bookings, name="my-bookings"),
    path("training/bookings/<int:pk>/", views.booking_detail, name="booking-detail"),
    path("training/bookings/<int:pk>/cancel/", views.booking_cancel, name="booking-cancel"),
    path("training/bookings/<int:pk>/accept/", views.booking_accept, name="booking-accept"),
    path("training/bookings/<int:pk>/calendar.ics", views.booking_calendar, name="booking-calendar"),
    path("training/bookings/<int:pk>/certificate/", views.booking_certificate, name="booking-certificate"),
    path("training/reports/", views.report, name="report"),
    path("training/reports/<slug:breakdown>.csv", views.report_csv, name="report-csv"),
]
