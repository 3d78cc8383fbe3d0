"""The attached letter (surat permohonan): its text (text layer, DOCX, ODT or OCR, in a bounded child process) and its facts."""
