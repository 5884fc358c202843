"""SOP step 8: publication. Final PDFs derived afresh, the signed manifest, the agency's
seal and the Kepala Dinas' own signature accepted, long-term validation, notices."""
