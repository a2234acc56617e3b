from django.urls import path

from . import opendata, search, structure, views

app_name = "insight"
urlpatterns = [
    path("dashboards/", views.index, name="index"),
    path("dashboards/wales/", views.wales, name="wales"),
    path("dashboards/teams/<slug:slug>/", views.team, name="team"),
    path("dashboards/programme-items/<int:pk>/", views.programme_item, name="programme-item"),
    path("dashboards/organisations/<str:code>/", views.organisation, name="organisation"),
    path("dashboards/goals/<int:number>/", views.goal, name="goal"),
    path("digital-public-services/", views.public, name="public"),
    path("structure/", structure.structure, name="structure"),
    path("open-data/", opendata.catalogue_page, name="open-data"),
    path("open-data/catalogue.jsonld", opendata.catalogue_dcat, name="open-data-dcat"),
    path("open-data/<slug:dataset>.schema.json", opendata.dataset_schema, name="open-data-schema"),
    path("open-data/<slug:dataset>.<str:fmt>", opendata.dataset_download, name="open-data-download"),
    path("search/", search.search, name="search"),
]
