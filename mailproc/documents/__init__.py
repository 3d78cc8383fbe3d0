"""Documents the service produces: the Berita Acara (rendering, signing, verifying the file)."""
