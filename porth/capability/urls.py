from django.urls import path

from . import views

app_name = "capability"
urlpatterns = [
    path("specialists/", views.home, name="home"),
    path("specialists/ask/", views.request_new, name="request-new"),
    path("specialists/requests/", views.request_list, name="request-list"),
    path("specialists/requests/<str:reference>/", views.request_detail, name="request-detail"),
    path("specialists/requests/<str:reference>/sent/", views.request_sent, name="request-sent"),
    path("specialists/requests/<str:reference>/change/", views.request_edit, name="request-edit"),
    path("specialists/requests/<str:reference>/withdraw/", views.request_withdraw, name="request-withdraw"),
    path("specialists/requests/<str:reference>/decline/", views.request_decline, name="request-decline"),
    path("specialists/requests/<str:reference>/matches/", views.request_matches, name="request-matches"),
    path(
        "specialists/requests/<str:reference>/book/<int:specialist_id>/",
        views.request_book,
        name="request-book",
    ),
    path("specialists/requests/<str:reference>/history/", views.request_history, name="request-history"),
    path("specialists/pools/<slug:slug>/", views.pool_queue, name="pool-queue"),
    path("specialists/pools/<slug:slug>/utilisation/", views.pool_utilisation, name="pool-utilisation"),
    path(
        "specialists/pools/<slug:slug>/utilisation.csv",
        views.pool_utilisation_csv,
        name="pool-utilisation-csv",
    ),
    path("specialists/people/", views.specialist_list, name="specialist-list"),
    path("specialists/people/new/", views.specialist_new, name="specialist-new"),
    path("specialists/people/<int:pk>/", views.specialist_detail, name="specialist-detail"),
    path("specialists/people/<int:pk>/change/", views.specialist_edit, name="specialist-edit"),
    path("specialists/people/<int:pk>/history/", views.specialist_history, name="specialist-history"),
    path("specialists/people/<int:pk>/leave/", views.leave_new, name="leave-new"),
    path("specialists/people/<int:pk>/leave/<int:leave_id>/remove/", views.leave_remove, name="leave-remove"),
    path("specialists/mine/", views.my_bookings, name="my-bookings"),
    path("specialists/bookings/<int:pk>/", views.booking_detail, name="booking-detail"),
    path("specialists/bookings/<int:pk>/cancel/", views.booking_cancel, name="booking-cancel"),
    path("specialists/bookings/<int:pk>/answer/", views.booking_answer, name="booking-answer"),
    path("squads/", views.engagement_list, name="engagement-list"),
    path("squads/new/", views.engagement_new, name="engagement-new"),
    path("squads/<int:pk>/", views.engagement_detail, name="engagement-detail"),
    path("squads/<int:pk>/change/", views.engagement_edit, name="engagement-edit"),
    path("squads/<int:pk>/history/", views.engagement_history, name="engagement-history"),
    path("squads/<int:pk>/book/", views.engagement_book, name="engagement-book"),
]
