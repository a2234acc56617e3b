from django.urls import path

from . import views

app_name = "routing"
urlpatterns = [
    path("routing/", views.rule_set_list, name="rule-set-list"),
    path("routing/<int:version>/", views.rule_set_detail, name="rule-set-detail"),
    path("routing/<int:version>/copy/", views.rule_set_copy, name="rule-set-copy"),
    path("routing/<int:version>/rules/new/", views.rule_edit, name="rule-new"),
    path("routing/<int:version>/rules/<int:index>/", views.rule_edit, name="rule-edit"),
    path("routing/<int:version>/rules/<int:index>/move/", views.rule_move, name="rule-move"),
    path("routing/<int:version>/rules/<int:index>/delete/", views.rule_delete, name="rule-delete"),
    path("routing/<int:version>/publish/", views.rule_set_publish, name="rule-set-publish"),
    path("routing/<int:version>/withdraw/", views.rule_set_withdraw, name="rule-set-withdraw"),
]
