from django.urls import path

from garda.oversight.views import conflicts, evidence, inspections, integrity, investigations, referrals, summons

app_name = "oversight"

urlpatterns = [
    path("investigasi/", investigations.investigation_list, name="list"),
    path("investigasi/baru/", investigations.open_external, name="open_external"),
    path("investigasi/<str:number>/", investigations.investigation_detail, name="detail"),
    path("investigasi/dari-pengaduan/<str:number>/", investigations.open_from_report, name="open_from_report"),
    path("investigasi/<str:number>/rujuk/", referrals.refer, name="refer"),
    path("investigasi/<str:number>/bukti/", evidence.add_evidence, name="evidence_add"),
    path("investigasi/<str:number>/bukti/<int:position>/", evidence.evidence_file, name="evidence_file"),
    path("investigasi/<str:number>/benturan/", conflicts.step_aside, name="step_aside"),
    path("investigasi/<str:number>/atasan/", investigations.open_superior_case, name="open_superior_case"),
    path("benturan-kepentingan/", conflicts.conflict_list, name="conflicts"),
    path("rujukan/<str:number>/", referrals.referral_detail, name="referral"),
    path("rujukan/<str:number>/paket.json", referrals.referral_json, name="referral_json"),
    path("rujukan/<str:number>/paket.pdf", referrals.referral_pdf, name="referral_pdf"),
    path("panggilan-saya/", summons.my_summons, name="my_summons"),
    path("inspeksi/", inspections.inspection_list, name="inspection_list"),
    path("inspeksi/baru/", inspections.inspection_new, name="inspection_new"),
    path("inspeksi/<str:number>/", inspections.inspection_detail, name="inspection_detail"),
    path("inspeksi/<str:number>/sampel/", inspections.inspection_draw, name="inspection_draw"),
    path("inspeksi/<str:number>/laporan/", inspections.inspection_report, name="inspection_report"),
    path("inspeksi/<str:number>/laporan.pdf", inspections.inspection_pdf, name="inspection_pdf"),
    path("inspeksi/<str:number>/berkas/<int:position>/", inspections.item_check, name="item_check"),
    path("inspeksi/<str:number>/temuan/", inspections.finding_new, name="finding_new"),
    path("sinyal/", integrity.signal_list, name="signal_list"),
    path("sinyal/hitung/", integrity.signal_compute, name="signal_compute"),
    path("sinyal/<int:pk>/", integrity.signal_detail, name="signal_detail"),
    path("temuan/", inspections.finding_list, name="finding_list"),
    path("temuan/<str:number>/", inspections.finding_detail, name="finding_detail"),
    path("temuan/<str:number>/pemeriksaan/", inspections.finding_open_case, name="finding_open_case"),
]
