from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path("sign-up/", views.sign_up, name="sign-up"),
    path("sign-up/sent/", views.sign_up_sent, name="sign-up-sent"),
    path("sign-up/<str:token>/", views.sign_up_complete, name="sign-up-complete"),
    path("account/join/", views.join, name="join"),
    path("account/join/<int:pk>/withdraw/", views.join_withdraw, name="join-withdraw"),
    path("organisations/<str:code>/people/", views.organisation_people, name="organisation-people"),
    path("organisations/<str:code>/people/asks/<int:pk>/", views.join_decide, name="join-decide"),
    path("organisations/<str:code>/people/<int:pk>/remove/", views.member_remove, name="member-remove"),
    path("account/", views.profile, name="profile"),
    path("account/api-tokens/", views.api_token_create, name="api-token-create"),
    path("account/api-tokens/<int:token_id>/revoke/", views.api_token_revoke, name="api-token-revoke"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password-reset"),
    path("password-reset/sent/", views.PasswordResetSentView.as_view(), name="password-reset-sent"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "password-reset/complete/",
        views.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
]
