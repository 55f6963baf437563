from django.urls import path

from garda.decisions import views

app_name = "decisions"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("usul/<int:application_pk>/", views.propose, name="propose"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/periksa/", views.review, name="review"),
    path("<int:pk>/putus/", views.decide, name="decide"),
    path("<int:pk>/tindak-lanjut/", views.follow_up, name="follow_up"),
    path("<int:pk>/bap/", views.examine, name="examine"),
    path("<int:pk>/pengguntingan/", views.cut, name="cut"),
    path("<int:pk>/konsep-surat/", views.letter_draft, name="letter_draft"),
    path("surat/<int:pk>/", views.letter_pdf, name="letter"),
]
